/**
 * Whether bubblewrap works here, found by running `true` through a real BubblewrapSandbox once: bwrap,
 * prlimit and setpriv must exist, and the kernel must let an unprivileged user create namespaces. The answer
 * is the reason it does not work, or undefined when it does.
 */
import { BubblewrapSandbox } from "./bubblewrap-sandbox.js";
import { runToCompletion } from "./run-to-completion.js";

export type BubblewrapProbe = () => Promise<string | undefined>;

const probeTimeoutMs = 10_000;

export async function probeBubblewrap(
  sandbox: BubblewrapSandbox = new BubblewrapSandbox(),
): Promise<string | undefined> {
  let command: Awaited<ReturnType<BubblewrapSandbox["prepare"]>> | undefined;
  try {
    command = await sandbox.prepare({ argv: ["true"], workDirectory: "/usr", env: {} });
    const run = await runToCompletion(command, { timeoutMs: probeTimeoutMs });
    if (run.exitCode === 0) return undefined;
    if (run.timedOut) return `bubblewrap did not run \`true\` within ${probeTimeoutMs / 1000} s`;
    const firstLine = run.stderr.trim().split("\n")[0] ?? "";
    return `bubblewrap failed (exit code ${run.exitCode}): ${firstLine || "no message"}`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return `${(error as NodeJS.ErrnoException).path} was not found`;
    return `bubblewrap could not start: ${(error as Error).message}`;
  } finally {
    await command?.cleanup();
  }
}

let cachedProbe: Promise<string | undefined> | undefined;

/** The default probe, run once per process. */
export function probeBubblewrapOnce(): Promise<string | undefined> {
  cachedProbe ??= probeBubblewrap();
  return cachedProbe;
}
