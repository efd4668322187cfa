import { describe, expect, it } from "vitest";
import { type BubblewrapPlan, bubblewrapArguments } from "./bubblewrap-arguments.js";

const plan: BubblewrapPlan = {
  systemMounts: ["--ro-bind", "/usr", "/usr"],
  readOnlyPaths: ["/tmp/fixtures/work", "/tmp"],
  writablePaths: ["/tmp/shopfloor-sandbox-1/home"],
  workDirectory: "/tmp/fixtures/work",
  userNamespace: true,
  env: { GREETING: "hello world", PATH: "/usr/bin" },
  command: ["node", "-e", "--clearenv"],
};

describe("bubblewrapArguments", () => {
  it("unshares every namespace and ties the sandbox to its parent", () => {
    const bwrapArguments = bubblewrapArguments(plan);
    expect(bwrapArguments).toEqual(expect.arrayContaining(["--unshare-all", "--die-with-parent"]));
    expect(bwrapArguments).toContain("--new-session");
  });

  it("as root, unshares every namespace but the user one, so the code can drop to a real unprivileged user", () => {
    const bwrapArguments = bubblewrapArguments({ ...plan, userNamespace: false });
    expect(bwrapArguments).not.toContain("--unshare-all");
    expect(bwrapArguments).toEqual(
      expect.arrayContaining([
        "--unshare-ipc",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-uts",
        "--unshare-cgroup-try",
      ]),
    );
  });

  it("makes every folder above a mount point readable by all, outermost first, before mounting", () => {
    const text = bubblewrapArguments({
      ...plan,
      systemMounts: ["--ro-bind-try", "/etc/ssl/certs", "/etc/ssl/certs"],
    }).join(" ");
    expect(text).toContain(
      "--perms 0755 --dir /etc --perms 0755 --dir /tmp --perms 0755 --dir /etc/ssl --perms 0755 --dir /tmp/fixtures",
    );
    expect(text.indexOf("--dir /tmp/fixtures")).toBeLessThan(
      text.indexOf("--ro-bind /tmp/fixtures/work"),
    );
  });

  it("binds read-only paths before writable ones so a writable temp dir under /tmp stays writable", () => {
    const text = bubblewrapArguments(plan).join(" ");
    expect(text).toContain("--ro-bind /tmp/fixtures/work /tmp/fixtures/work");
    expect(text.indexOf("--ro-bind /tmp /tmp")).toBeLessThan(
      text.indexOf("--bind /tmp/shopfloor-sandbox-1/home"),
    );
    expect(text).toContain("--remount-ro / --chdir /tmp/fixtures/work");
  });

  it("clears the environment, then sets exactly the given variables, and ends with the command", () => {
    const bwrapArguments = bubblewrapArguments(plan);
    const clearAt = bwrapArguments.indexOf("--clearenv");
    const separatorAt = bwrapArguments.indexOf("--");
    expect(bwrapArguments.slice(clearAt + 1, separatorAt)).toEqual([
      "--setenv",
      "GREETING",
      "hello world",
      "--setenv",
      "PATH",
      "/usr/bin",
    ]);
    expect(bwrapArguments.slice(separatorAt + 1)).toEqual(["node", "-e", "--clearenv"]);
  });
});
