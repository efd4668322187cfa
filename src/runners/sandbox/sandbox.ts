/**
 * The sandbox port. Code written by agents is untrusted: before the runner starts a target, a cli trial or a
 * function worker, it asks a sandbox to wrap the command. The bubblewrap adapter isolates it (read-only
 * system, private temp dir, no home, loopback-only network, memory/CPU/process limits, killed with its
 * parent); the `none` adapter runs it as is and exists only behind an explicit `--no-sandbox`.
 */

export interface SandboxLimits {
  /** Address-space limit of each process, in bytes. */
  memoryBytes: number;
  /** CPU time limit of each process, in seconds. */
  cpuSeconds: number;
  /** Processes the sandboxed command may have at once (fork-bomb guard). */
  maxProcesses: number;
}

export const defaultSandboxLimits: SandboxLimits = {
  memoryBytes: 4 * 1024 ** 3,
  cpuSeconds: 600,
  maxProcesses: 256,
};

export interface SandboxRequest {
  argv: readonly string[];
  /** The code under test: readable inside the sandbox at the same path, and the working directory. */
  workDirectory: string;
  /** Further paths readable (read-only) inside the sandbox at the same path, e.g. a shared node_modules. */
  readOnlyPaths?: readonly string[];
  env: Readonly<Record<string, string>>;
  limits?: Partial<SandboxLimits>;
  /** For a server: the TCP port it listens on inside the sandbox, which the sandbox makes reachable. */
  exposePort?: number;
}

/** How the runner reaches a port exposed by a sandboxed server. */
export type Endpoint =
  | { kind: "unix"; socketPath: string }
  | { kind: "tcp"; host: string; port: number };

export interface SandboxedCommand {
  /** What to spawn, with `detached: true` so the whole process group can be killed. */
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** The private writable temp dir (also $TMPDIR and $HOME inside). */
  temporaryDirectory: string;
  /** Present when `exposePort` was asked for. */
  endpoint?: Endpoint;
  /** Removes the temp dir and sockets; call after the process has exited. */
  cleanup(): Promise<void>;
}

export interface Sandbox {
  readonly name: "bubblewrap" | "none";
  /** False for `none`: reports say plainly that the code ran unisolated. */
  readonly isolating: boolean;
  prepare(request: SandboxRequest): Promise<SandboxedCommand>;
}
