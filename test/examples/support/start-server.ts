/**
 * Starts an example build (a server.mjs) as a real process on a free port and says when it listens, so
 * that tests speak real HTTP to it. The build prints a "listening on" line once its port is open.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { findFreePort } from "../../../src/runners/free-port.js";

export interface RunningServer {
  baseUrl: string;
  /** What the process wrote on stderr so far. */
  stderr(): string;
  /** The exit code once it has exited on its own, else null. */
  exitCode(): number | null;
  stop(): Promise<void>;
}

/** `environment` is added to this process's; a variable set to undefined is removed. */
export async function startServer(
  script: string,
  environment: Record<string, string | undefined> = {},
): Promise<RunningServer> {
  const port = await findFreePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    ...environment,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, [script], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  await listening(child, () => stderr);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    exitCode: () => child.exitCode,
    stop: () => stop(child),
  };
}

function listening(child: ChildProcess, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (stdout.includes("listening on")) resolve();
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the build exited (${code}): ${stderr()}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
