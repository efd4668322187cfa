/**
 * The read-only part of the host that sandboxed programs need to run: /usr, the /bin and /lib folders (kept
 * as symlinks where the host merged them into /usr), and the few files of /etc that the dynamic linker,
 * `sh`, `id` and node read. Never `/` as a whole: no /home, /root, /work, /var or /opt.
 */
import { lstatSync, readlinkSync } from "node:fs";

export type HostPathKind =
  | { kind: "missing" }
  | { kind: "symlink"; target: string }
  | { kind: "directory" }
  | { kind: "other" };

export type InspectHostPath = (path: string) => HostPathKind;

const topLevelProgramFolders = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

/** Files of /etc bound when present: the linker cache, users and groups, name lookup, time zone, alternatives. */
export const etcPaths = [
  "/etc/ld.so.cache",
  "/etc/ld.so.conf",
  "/etc/ld.so.conf.d",
  "/etc/alternatives",
  "/etc/passwd",
  "/etc/group",
  "/etc/nsswitch.conf",
  "/etc/hosts",
  "/etc/host.conf",
  "/etc/gai.conf",
  "/etc/localtime",
  "/etc/ssl/openssl.cnf",
  "/etc/ssl/certs",
];

export function systemMountArguments(inspect: InspectHostPath = inspectHostPath): string[] {
  const mountArguments = ["--ro-bind", "/usr", "/usr"];
  for (const folder of topLevelProgramFolders) {
    const found = inspect(folder);
    if (found.kind === "symlink") mountArguments.push("--symlink", found.target, folder);
    if (found.kind === "directory") mountArguments.push("--ro-bind", folder, folder);
  }
  for (const path of etcPaths) mountArguments.push("--ro-bind-try", path, path);
  return mountArguments;
}

export function inspectHostPath(path: string): HostPathKind {
  try {
    const status = lstatSync(path);
    if (status.isSymbolicLink()) return { kind: "symlink", target: readlinkSync(path) };
    return status.isDirectory() ? { kind: "directory" } : { kind: "other" };
  } catch {
    return { kind: "missing" };
  }
}
