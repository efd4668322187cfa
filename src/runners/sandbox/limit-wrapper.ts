/**
 * The commands that limit what the sandboxed code may use. `prlimit`, placed before bubblewrap, sets the
 * memory (address space), CPU-time, process and core-dump limits, inherited by every process of the
 * sandbox. When shopfloor runs as root, `setpriv`, placed inside the sandbox before the command, drops to an
 * unprivileged user with no capabilities, because the kernel does not enforce the process limit for root:
 * without it a fork bomb would not be contained. bubblewrap itself stays root, so it can bind the work
 * directory even when a parent folder is closed to other users (a checkout in a 0700 temp folder).
 */
import { defaultSandboxLimits, type SandboxLimits } from "./sandbox.js";

export interface SandboxUser {
  uid: number;
  gid: number;
}

/** `nobody`: owns no files, and exists in /etc/passwd, so `id` and `os.userInfo()` work in the sandbox. */
export const nobody: SandboxUser = { uid: 65534, gid: 65534 };

/** The request's limits, with the defaults for those it leaves out. */
export function resolveLimits(requested: Partial<SandboxLimits> = {}): SandboxLimits {
  return {
    memoryBytes: requested.memoryBytes ?? defaultSandboxLimits.memoryBytes,
    cpuSeconds: requested.cpuSeconds ?? defaultSandboxLimits.cpuSeconds,
    maxProcesses: requested.maxProcesses ?? defaultSandboxLimits.maxProcesses,
  };
}

export interface LimitWrapperPlan {
  limits: SandboxLimits;
  /**
   * The RLIMIT_NPROC value. The kernel counts it per real user across the host, so it is the current count
   * of the user the command runs as (the sandbox user's includes the other sandboxes: live releases,
   * concurrent trials) plus `maxProcesses`.
   */
  processLimit: number;
  prlimitPath: string;
}

export function limitWrapperArguments(plan: LimitWrapperPlan): string[] {
  const { memoryBytes, cpuSeconds } = plan.limits;
  // The soft CPU limit sends SIGXCPU, which says why the process ended; the hard one a second later kills.
  return [
    plan.prlimitPath,
    `--as=${memoryBytes}`,
    `--cpu=${cpuSeconds}:${cpuSeconds + 1}`,
    `--nproc=${plan.processLimit}`,
    "--core=0",
  ];
}

/** Run inside the sandbox, before the command, when shopfloor runs as root. */
export function dropPrivilegesArguments(user: SandboxUser, setprivPath: string): string[] {
  return [
    setprivPath,
    `--reuid=${user.uid}`,
    `--regid=${user.gid}`,
    "--clear-groups",
    "--inh-caps=-all",
    "--bounding-set=-all",
  ];
}
