#!/usr/bin/env node
// The compiled CLI is built by `npm ci` (the `prepare` script); this shim says what to do if it is missing.
import { existsSync } from "node:fs";

const entry = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "shopfloor is not built yet: run `npm ci` (or `npm run build`) in the shopfloor folder first.\n",
  );
  process.exit(2);
}
await import(entry.href);
