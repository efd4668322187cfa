/** `npm run bench`: prints the figures recorded in docs/benchmarks.md. */
import os from "node:os";
import { runGateBenchmarks } from "./gate.js";
import { runStatsBenchmarks } from "./stats.js";

const print = (line: string) => process.stdout.write(`${line}\n`);

print(
  `shopfloor benchmarks · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}`,
);
print("");
runStatsBenchmarks(print);
print("");
runGateBenchmarks(print);
