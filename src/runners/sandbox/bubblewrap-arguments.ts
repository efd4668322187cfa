/**
 * The bubblewrap command line for one sandboxed command, as a pure function of what to bind and run: own
 * namespaces for everything (so the network is the sandbox's own loopback), a read-only system, the given
 * folders bound at their own paths, an emptied environment, and a root and /dev that cannot be written.
 */

export interface BubblewrapPlan {
  /** From `systemMountArguments()`: /usr, /bin, /lib, a few files of /etc. */
  systemMounts: readonly string[];
  /** Host paths bound read-only at the same path: the work directory, extra read-only paths, node's folder. */
  readOnlyPaths: readonly string[];
  /** Host paths bound writable at the same path: the private temp dir and the bridge's socket folder. */
  writablePaths: readonly string[];
  workDirectory: string;
  /**
   * Whether bubblewrap makes a user namespace: needed when it runs unprivileged; as root it must not, so that
   * the command can drop to a real unprivileged user whose process limit the kernel enforces.
   */
  userNamespace: boolean;
  /** The whole environment of the sandboxed command. */
  env: Readonly<Record<string, string>>;
  command: readonly string[];
}

export function bubblewrapArguments(plan: BubblewrapPlan): string[] {
  return [
    ...(plan.userNamespace
      ? ["--unshare-all"]
      : [
          "--unshare-ipc",
          "--unshare-pid",
          "--unshare-net",
          "--unshare-uts",
          "--unshare-cgroup-try",
        ]),
    "--die-with-parent",
    "--new-session",
    "--hostname",
    "sandbox",
    ...parentFolderArguments(plan),
    ...plan.systemMounts,
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    ...plan.readOnlyPaths.flatMap((path) => ["--ro-bind", path, path]),
    // Writable binds come last so that they win over a read-only parent folder.
    ...plan.writablePaths.flatMap((path) => ["--bind", path, path]),
    // bubblewrap builds the root and /dev on writable tmpfs; without this, code could write (and fill memory) there.
    "--remount-ro",
    "/dev",
    "--remount-ro",
    "/",
    "--chdir",
    plan.workDirectory,
    "--clearenv",
    ...Object.entries(plan.env).flatMap(([name, value]) => ["--setenv", name, value]),
    "--",
    ...plan.command,
  ];
}

/** The options that take a source and a destination: the destination is the third word. */
const mountOptions = new Set(["--ro-bind", "--ro-bind-try", "--bind", "--bind-try", "--symlink"]);

/**
 * Every folder above a mount point, made explicitly and readable by all. bubblewrap would make them itself,
 * but when it runs as root it makes them 0700, and the unprivileged user the code runs as could not reach
 * anything below them.
 */
function parentFolderArguments(plan: BubblewrapPlan): string[] {
  const destinations = [...plan.readOnlyPaths, ...plan.writablePaths];
  plan.systemMounts.forEach((word, index) => {
    const destination = plan.systemMounts[index + 2];
    if (mountOptions.has(word) && destination !== undefined) destinations.push(destination);
  });
  const folders = new Set<string>();
  for (const destination of destinations) {
    const parts = destination.split("/").filter((part) => part !== "");
    for (let length = 1; length < parts.length; length += 1)
      folders.add(`/${parts.slice(0, length).join("/")}`);
  }
  const ordered = [...folders].sort(
    (left, right) => left.split("/").length - right.split("/").length || left.localeCompare(right),
  );
  return ordered.flatMap((folder) => ["--perms", "0755", "--dir", folder]);
}
