/**
 * Test support: `shopfloor serve` as a real process on a factory home, as a manager starts it: a free
 * port, the address and the first manager token read from what it prints, and a stop that always leaves
 * nothing running (the server, then the home's release host daemon, which the local deploy target starts
 * and which outlives the server by design).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export interface ConsoleServerOptions {
  /** Default: this repository's bin/shopfloor.js (dist/ is built before the tests by test/build-once.ts). */
  bin?: string;
  home: string;
  /** Options after `serve --port 0 --home HOME`. */
  extraArgs?: readonly string[];
  /** How long the server may take to print its address. Default 30 s. */
  startTimeoutMs?: number;
}

export interface ConsoleServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The link `serve` prints for a home without a token: `URL/#token=SECRET`. */
  signInLink: string;
  /** The manager token's secret, from the link. */
  managerToken: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  /** Calls the API with the manager's token; `json` is sent as the body. */
  api(method: string, path: string, json?: unknown): Promise<Response>;
  /** Stops the server (SIGTERM, then SIGKILL if it hangs) and the home's host daemon. */
  stop(): Promise<void>;
}

const repositoryBin = fileURLToPath(new URL("../../../bin/shopfloor.js", import.meta.url));

const signInPattern = /(https?:\/\/[^\s/]+)\/#token=([^\s]+)/;

export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const environment: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  // The home is the one given, not one from the environment of whoever runs the tests.
  delete environment.SHOPFLOOR_HOME;
  const child = spawn(
    process.execPath,
    [
      options.bin ?? repositoryBin,
      "serve",
      "--port",
      "0",
      "--home",
      options.home,
      ...(options.extraArgs ?? []),
    ],
    // In the home, so that no shopfloor.config.yaml of the working directory is picked up.
    { cwd: options.home, env: environment, stdio: ["ignore", "pipe", "pipe"] },
  );
  let printed = "";
  child.stdout?.setEncoding("utf8").on("data", (text: string) => {
    printed += text;
  });
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    printed += text;
  });
  const stop = () => stopServer(child, options);
  try {
    const match = await waitForSignInLink(child, () => printed, options.startTimeoutMs ?? 30_000);
    const [signInLink, url, encodedToken] = match;
    const managerToken = decodeURIComponent(encodedToken);
    return {
      url,
      signInLink,
      managerToken,
      output: () => printed,
      api: (method, path, json) =>
        fetch(`${url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${managerToken}`,
            ...(json === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForSignInLink(
  child: ChildProcess,
  printed: () => string,
  timeoutMs: number,
): Promise<[string, string, string]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = printed().match(signInPattern);
    if (match !== null) return [match[0], match[1] ?? "", match[2] ?? ""];
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `shopfloor serve ended (${child.exitCode ?? child.signalCode}) before printing its sign-in link:\n${printed()}`,
      );
    }
    await nextOutputOrExit(child, deadline - Date.now());
  }
  throw new Error(
    `shopfloor serve printed no sign-in link (URL/#token=…) in ${timeoutMs} ms:\n${printed()}`,
  );
}

/** Resolves at the process's next output or its end, or after `timeoutMs`: no fixed sleep. */
function nextOutputOrExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off("data", done);
      child.stderr?.off("data", done);
      child.off("exit", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, timeoutMs));
    child.stdout?.on("data", done);
    child.stderr?.on("data", done);
    child.on("exit", done);
    if (child.exitCode !== null || child.signalCode !== null) done();
  });
}

async function stopServer(child: ChildProcess, options: ConsoleServerOptions): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
  // The local deploy target's host daemon keeps the releases running after the server: stop it too.
  spawnSync(
    process.execPath,
    [options.bin ?? repositoryBin, "host", "--stop", "--home", options.home],
    {
      encoding: "utf8",
      timeout: 30_000,
    },
  );
}
