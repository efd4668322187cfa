/**
 * CPU time this process and its finished children have used, in seconds: what a trial session charges
 * to the ledger. The code under test runs in child processes (a started target, cli runs, function
 * workers); Linux counts a child's time into ours once it has exited and been waited for, which is why a
 * session reads it after stopping them.
 */
import { readFileSync } from "node:fs";

/** Linux reports children's times in clock ticks of 1/100 s on every architecture Node supports. */
const ticksPerSecond = 100;

export function cpuSecondsUsed(
  readStat: () => string = () => readFileSync("/proc/self/stat", "utf8"),
): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1_000_000 + childrenSeconds(readStat);
}

/** `cutime` and `cstime`, the 16th and 17th fields of /proc/self/stat; 0 where there is no /proc. */
function childrenSeconds(readStat: () => string): number {
  let stat: string;
  try {
    stat = readStat();
  } catch {
    return 0;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const childrenUser = Number(fields[13]);
  const childrenSystem = Number(fields[14]);
  if (!Number.isFinite(childrenUser) || !Number.isFinite(childrenSystem)) return 0;
  return (childrenUser + childrenSystem) / ticksPerSecond;
}
