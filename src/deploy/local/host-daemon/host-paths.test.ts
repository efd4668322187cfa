import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hostPaths, maximumSocketPathBytes } from "./host-paths.js";

describe("hostPaths", () => {
  it("keeps every file of the daemon in <home>/host", () => {
    expect(hostPaths("/srv/factory")).toEqual({
      folder: "/srv/factory/host",
      socket: "/srv/factory/host/control.sock",
      pidFile: "/srv/factory/host/host.pid",
      logFile: "/srv/factory/host/host.log",
      lockFile: "/srv/factory/host/start.lock",
    });
  });

  it("moves the socket of a deep home to the temp folder, under a name derived from the home", () => {
    const home = `/srv/${"deep/".repeat(20)}factory`;
    const paths = hostPaths(home, "/tmp");
    const digest = createHash("sha256").update(home).digest("hex").slice(0, 16);
    expect(paths.socket).toBe(`/tmp/shopfloor-host-${digest}.sock`);
    expect(paths.pidFile).toBe(`${home}/host/host.pid`);
    expect(hostPaths(home, "/tmp").socket).toBe(paths.socket);
    expect(hostPaths(`${home}2`, "/tmp").socket).not.toBe(paths.socket);
  });

  it("keeps a socket path of exactly the limit in the home", () => {
    const suffix = "/host/control.sock";
    const home = `/${"a".repeat(maximumSocketPathBytes - suffix.length - 1)}`;
    expect(hostPaths(home, "/tmp").socket).toBe(`${home}${suffix}`);
    expect(hostPaths(`${home}b`, "/tmp").socket).toMatch(
      /^\/tmp\/shopfloor-host-[0-9a-f]{16}\.sock$/,
    );
  });
});
