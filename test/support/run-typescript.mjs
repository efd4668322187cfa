/**
 * Runs a TypeScript module of this project in a fresh Node process, through Vite's module runner (the
 * same transform vitest uses), and calls its `main(argv)`. Lets a test start real OS processes that run
 * the project's source code (concurrency across processes) without building dist/ first.
 */
import { pathToFileURL } from "node:url";
import { runnerImport } from "vite";

const [modulePath, ...argv] = process.argv.slice(2);
const { module } = await runnerImport(pathToFileURL(modulePath).href, {
  configFile: false,
  logLevel: "silent",
});
await module.main(argv);
