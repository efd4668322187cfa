/**
 * The bubblewrap sandbox: runs untrusted code with a read-only view of the system and of its work
 * directory, a private writable temp dir, its own network namespace (loopback only), memory/CPU/process
 * limits, and no way to outlive its parent. `prepare` only builds the command line and the private folder;
 * the caller spawns it (detached) and calls `cleanup` after it ended. See docs/sandbox.md.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { InvalidArgumentError } from "../../contracts/errors.js";
import { bubblewrapArguments } from "./bubblewrap-arguments.js";
import { existingPath } from "./existing-path.js";
import {
  dropPrivilegesArguments,
  limitWrapperArguments,
  nobody,
  resolveLimits,
  type SandboxUser,
} from "./limit-wrapper.js";
import { firstBlockingPath } from "./path-access.js";
import { findPortBridgeScript, readPortBridgeScript } from "./port-bridge-script.js";
import { createPrivateDirectory, type PrivateDirectory } from "./private-directory.js";
import type {
  Endpoint,
  Sandbox,
  SandboxedCommand,
  SandboxLimits,
  SandboxRequest,
} from "./sandbox.js";
import { sandboxEnvironment } from "./sandbox-environment.js";
import { SandboxPathError } from "./sandbox-errors.js";
import { pinSocket, type SocketPin } from "./socket-pin.js";
import { type InspectHostPath, inspectHostPath, systemMountArguments } from "./system-mounts.js";
import { countTasksOfUser } from "./user-tasks.js";
import { validateRequest } from "./validate-request.js";

export interface BubblewrapSandboxDependencies {
  /** Found through `hostPath` unless absolute. */
  bwrapPath: string;
  prlimitPath: string;
  setprivPath: string;
  /** The PATH the three programs above are looked up in; the sandboxed code never sees it. */
  hostPath: string;
  /** The node that runs the port bridge inside the sandbox; its folder is bound if it is not under /usr. */
  nodePath: string;
  findPortBridgeScript: () => string;
  makeTemporaryDirectory: () => Promise<string>;
  currentUserId: () => number;
  /** Who the sandboxed code runs as when shopfloor runs as root. */
  sandboxUser: SandboxUser;
  countTasksOfUser: (uid: number) => Promise<number>;
  inspectHostPath: InspectHostPath;
}

export function defaultBubblewrapDependencies(): BubblewrapSandboxDependencies {
  return {
    bwrapPath: "bwrap",
    prlimitPath: "prlimit",
    setprivPath: "setpriv",
    hostPath: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin",
    nodePath: process.execPath,
    findPortBridgeScript: () => findPortBridgeScript(),
    makeTemporaryDirectory: () => mkdtemp(join(tmpdir(), "shopfloor-sandbox-")),
    currentUserId: () => process.getuid?.() ?? -1,
    sandboxUser: nobody,
    countTasksOfUser: (uid) => countTasksOfUser(uid),
    inspectHostPath,
  };
}

const systemPath = ["/usr/local/bin", "/usr/bin", "/bin"];
/** Node, which runs the port bridge, cannot even start with less address space (V8 reserves it up front). */
const minimumBridgeMemoryBytes = 1024 ** 3;
/** The longest path a unix socket can have on Linux (sun_path holds 108 bytes with the final NUL). */
const maximumSocketPathBytes = 107;

interface PortBridge {
  scriptPath: string;
  /** Put before the request's argv: starts the bridge in the background, then execs the command. */
  commandPrefix: string[];
  endpoint: Endpoint;
  pin: SocketPin;
}

export class BubblewrapSandbox implements Sandbox {
  readonly name = "bubblewrap";
  readonly isolating = true;
  private readonly dependencies: BubblewrapSandboxDependencies;
  private systemMounts: string[] | undefined;

  constructor(dependencies: Partial<BubblewrapSandboxDependencies> = {}) {
    this.dependencies = { ...defaultBubblewrapDependencies(), ...dependencies };
  }

  async prepare(request: SandboxRequest): Promise<SandboxedCommand> {
    validateRequest(request);
    const limits = resolveLimits(request.limits);
    if (request.exposePort !== undefined && limits.memoryBytes < minimumBridgeMemoryBytes) {
      throw new InvalidArgumentError(
        `a sandboxed server needs memoryBytes of at least 1 GiB: the port bridge runs on node, which cannot start with ${limits.memoryBytes} bytes of address space`,
        "memoryBytes",
      );
    }
    const sandboxUser =
      this.dependencies.currentUserId() === 0 ? this.dependencies.sandboxUser : undefined;
    const paths = await this.resolvePaths(request, sandboxUser);
    const privateDirectory = await createPrivateDirectory(
      this.dependencies.makeTemporaryDirectory,
      sandboxUser,
    );
    let bridge: PortBridge | undefined;
    const cleanup = async () => {
      bridge?.pin.stop();
      await privateDirectory.remove();
    };
    try {
      if (request.exposePort !== undefined) {
        bridge = await this.installPortBridge(privateDirectory, paths.nodePath, request.exposePort);
      }
      const bwrapArguments = bubblewrapArguments({
        systemMounts: this.systemMountArguments(),
        readOnlyPaths: [
          ...paths.readOnlyPaths,
          ...(bridge === undefined ? [] : [bridge.scriptPath]),
        ],
        writablePaths: [
          privateDirectory.home,
          ...(bridge === undefined ? [] : [privateDirectory.endpoint]),
        ],
        workDirectory: paths.workDirectory,
        userNamespace: sandboxUser === undefined,
        env: sandboxEnvironment(request.env, privateDirectory.home, paths.defaultPath),
        command: [
          ...(sandboxUser === undefined
            ? []
            : dropPrivilegesArguments(sandboxUser, this.dependencies.setprivPath)),
          ...(bridge?.commandPrefix ?? []),
          ...request.argv,
        ],
      });
      return {
        argv: [
          ...(await this.limitWrapper(limits, sandboxUser)),
          this.dependencies.bwrapPath,
          ...bwrapArguments,
        ],
        env: { PATH: this.dependencies.hostPath },
        cwd: paths.workDirectory,
        temporaryDirectory: privateDirectory.home,
        ...(bridge === undefined ? {} : { endpoint: bridge.endpoint }),
        cleanup,
      };
    } catch (error) {
      await cleanup();
      throw error;
    }
  }

  /** The real paths to bind read-only (checked readable by the sandbox user), and the default PATH. */
  private async resolvePaths(request: SandboxRequest, sandboxUser: SandboxUser | undefined) {
    const workDirectory = await existingPath(request.workDirectory, "work directory");
    const nodePath = await existingPath(this.dependencies.nodePath, "node binary");
    const nodeFolder = dirname(nodePath);
    const nodeIsSystem = nodeFolder.startsWith("/usr/");
    const extraPaths = await Promise.all(
      (request.readOnlyPaths ?? []).map((path) => existingPath(path, "read-only path")),
    );
    const readOnlyPaths = [
      ...new Set([workDirectory, ...extraPaths, ...(nodeIsSystem ? [] : [nodeFolder])]),
    ];
    if (sandboxUser !== undefined) await assertReadable(readOnlyPaths, sandboxUser);
    const defaultPath = [...(nodeIsSystem ? [] : [nodeFolder]), ...systemPath].join(delimiter);
    return { workDirectory, nodePath, readOnlyPaths, defaultPath };
  }

  private async limitWrapper(
    limits: SandboxLimits,
    sandboxUser: SandboxUser | undefined,
  ): Promise<string[]> {
    const { currentUserId, countTasksOfUser, prlimitPath } = this.dependencies;
    // RLIMIT_NPROC counts every task of the uid the command runs as, host-wide: other sandboxes (a live
    // release, concurrent trials) run as the same user, so each gets its allowance on top of those.
    const uid = sandboxUser?.uid ?? currentUserId();
    const processLimit = (await countTasksOfUser(uid)) + limits.maxProcesses;
    return limitWrapperArguments({ limits, processLimit, prlimitPath });
  }

  private systemMountArguments(): string[] {
    this.systemMounts ??= systemMountArguments(this.dependencies.inspectHostPath);
    return this.systemMounts;
  }

  /**
   * Copies the bridge into the private folder, so the sandbox user can read it wherever shopfloor lives, and
   * starts it in the background beside the command rather than as its parent: the bridge's node would
   * otherwise delay every server's start by its own startup (~20 ms measured), and the command stays the
   * sandbox's main process, whose exit code bwrap reports.
   */
  private async installPortBridge(
    privateDirectory: PrivateDirectory,
    nodePath: string,
    port: number,
  ): Promise<PortBridge> {
    const socketPath = join(privateDirectory.endpoint, "port.sock");
    const pinnedPath = join(privateDirectory.hostOnly, "port.sock");
    for (const path of [socketPath, pinnedPath]) {
      if (Buffer.byteLength(path) <= maximumSocketPathBytes) continue;
      throw new SandboxPathError(
        `the socket path ${path} is longer than the ${maximumSocketPathBytes} bytes Linux allows; set TMPDIR to a shorter folder`,
        path,
      );
    }
    const scriptPath = join(privateDirectory.base, "port-bridge.mjs");
    const source = await readPortBridgeScript(this.dependencies.findPortBridgeScript());
    await writeFile(scriptPath, source, { mode: 0o444 });
    const pin = pinSocket(socketPath, pinnedPath);
    return {
      scriptPath,
      commandPrefix: [
        "/bin/sh",
        "-c",
        '"$1" "$2" "$3" "$4" </dev/null & shift 4; exec "$@"',
        "port-bridge",
        nodePath,
        scriptPath,
        socketPath,
        String(port),
      ],
      endpoint: { kind: "unix", socketPath: pin.pinnedPath },
      pin,
    };
  }
}

async function assertReadable(paths: readonly string[], user: SandboxUser): Promise<void> {
  for (const path of paths) {
    const blocking = await firstBlockingPath(path, user);
    if (blocking === undefined) continue;
    throw new SandboxPathError(
      `the sandbox runs the code as user ${user.uid}${user.uid === nobody.uid ? " (nobody)" : ""}, who cannot read ${path}: ` +
        `it does not let other users read it. Allow it (chmod o+rx ${blocking}) or keep the work in a folder other users can read.`,
      path,
    );
  }
}
