import { describe, expect, it } from "vitest";
import { type HostPathKind, systemMountArguments } from "./system-mounts.js";

function layout(paths: Record<string, HostPathKind>) {
  return (path: string): HostPathKind => paths[path] ?? { kind: "missing" };
}

describe("systemMountArguments", () => {
  it("binds /usr read-only and keeps merged /bin and /lib as symlinks into it", () => {
    const mountArguments = systemMountArguments(
      layout({
        "/bin": { kind: "symlink", target: "usr/bin" },
        "/lib": { kind: "symlink", target: "usr/lib" },
        "/lib64": { kind: "symlink", target: "usr/lib64" },
      }),
    );
    expect(mountArguments.slice(0, 3)).toEqual(["--ro-bind", "/usr", "/usr"]);
    expect(mountArguments.join(" ")).toContain("--symlink usr/bin /bin");
    expect(mountArguments.join(" ")).toContain("--symlink usr/lib64 /lib64");
    expect(mountArguments).not.toContain("/sbin");
  });

  it("binds real /bin and /lib folders read-only on hosts that did not merge /usr", () => {
    const mountArguments = systemMountArguments(
      layout({ "/bin": { kind: "directory" }, "/lib": { kind: "directory" } }),
    ).join(" ");
    expect(mountArguments).toContain("--ro-bind /bin /bin");
    expect(mountArguments).toContain("--ro-bind /lib /lib");
  });

  it("never binds the whole host, its homes or /etc as a whole", () => {
    const mountArguments = systemMountArguments(layout({}));
    const sources = mountArguments.filter((_, index) =>
      mountArguments[index - 1]?.includes("bind"),
    );
    for (const forbidden of ["/", "/etc", "/home", "/root", "/work", "/var", "/opt"]) {
      expect(sources).not.toContain(forbidden);
    }
    expect(sources).toContain("/etc/passwd");
  });
});
