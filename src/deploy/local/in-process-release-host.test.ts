import { createServer } from "node:net";
import { Agent, request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ReleaseStateLog,
  realClock,
  serverLaunch,
} from "../../../test/deploy/support/release-host-fixture.js";
import {
  type ReleaseFolder,
  writeReleaseServer,
} from "../../../test/deploy/support/release-server.js";
import { InvalidArgumentError } from "../../contracts/errors.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import { DeployError } from "../deploy-error.js";
import { InProcessReleaseHost } from "./in-process-release-host.js";

describe("InProcessReleaseHost", () => {
  let folder: ReleaseFolder;
  let host: InProcessReleaseHost;
  let states: ReleaseStateLog;
  const client = new Agent({ keepAliveTimeout: 1_000 });
  beforeAll(async () => {
    folder = await writeReleaseServer();
  });
  afterAll(async () => {
    await client.close();
    await folder.remove();
  });
  afterEach(() => host.close());

  function openHost() {
    states = new ReleaseStateLog();
    host = new InProcessReleaseHost({
      sandbox: new NoSandbox(),
      ...realClock,
      restartBackoffMs: [1],
      onReleaseState: states.record,
    });
    return host;
  }

  const launch = (release: string, env: Record<string, string> = {}, service = "shop") =>
    host.launch(serverLaunch(folder.directory, release, env, service));

  async function ask(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await request(url, { dispatcher: client });
    return { status: response.statusCode, body: (await response.body.json()) as never };
  }

  it("launches a release that takes no traffic until it is routed, then serves it at a stable address", async () => {
    openHost();
    const launched = await launch("shop-r1");
    expect(launched).toMatchObject({ release: "shop-r1", state: "running", share: 0, restarts: 0 });
    expect((await ask(`${launched.endpoint.baseUrl}/version`)).body.release).toBe("shop-r1");

    const empty = await host.route("shop", []);
    expect(await ask(`${empty.address}/version`)).toMatchObject({ status: 503 });
    const service = await host.route("shop", [{ release: "shop-r1", share: 1 }]);
    expect(service).toEqual({ ...empty, shares: [{ release: "shop-r1", share: 1 }] });
    expect(await ask(`${service.address}/version`)).toEqual({
      status: 200,
      body: { release: "shop-r1" },
    });
    await ask(`${service.address}/fail`);

    const status = await host.status();
    expect(status.pid).toBe(process.pid);
    expect(status.services).toEqual([service]);
    expect(status.releases[0]).toMatchObject({ share: 1, traffic: { requests: 2, errors: 1 } });
    expect(status.releases[0]?.traffic.recentLatenciesMs).toHaveLength(2);
  });

  it("refuses shares that do not add up to 1 or name what cannot take traffic, and keeps the old ones", async () => {
    openHost();
    await launch("shop-r1");
    await launch("shop-r2");
    await launch("cart-r1", {}, "cart");
    await expect(launch("shop-r1")).rejects.toThrow(/shop-r1 already runs on this host/);
    const routed = [{ release: "shop-r1", share: 1 }];
    await host.route("shop", routed);
    const refused = async (shares: { release: string; share: number }[], message: RegExp) => {
      const error = await host.route("shop", shares).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(message);
    };
    await refused([{ release: "shop-r1", share: 0.5 }], /add up to 0.5, not 1/);
    await refused([{ release: "shop-r1", share: 1.5 }], /between 0 and 1/);
    await refused([{ release: "shop-r1", share: Number.NaN }], /between 0 and 1/);
    await refused(
      [
        { release: "shop-r1", share: 0.5 },
        { release: "shop-r1", share: 0.5 },
      ],
      /named twice/,
    );
    await refused([{ release: "shop-r9", share: 1 }], /no release shop-r9 runs/);
    await refused([{ release: "cart-r1", share: 1 }], /belongs to cart, not shop/);
    expect((await host.status()).services[0]?.shares).toEqual(routed);

    // Shares computed in floating point miss 1 by a rounding error: that is still 1.
    const rounded = [
      { release: "shop-r1", share: 0.1 + 0.2 },
      { release: "shop-r2", share: 0.7 },
    ];
    expect((await host.route("shop", rounded)).shares).toEqual(rounded);
  });

  it("says so when the stable port asked for is taken", async () => {
    openHost();
    await launch("shop-r1");
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((settle) => blocker.once("listening", settle));
    const port = (blocker.address() as { port: number }).port;
    try {
      const routing = host.route("shop", [{ release: "shop-r1", share: 1 }], port);
      await expect(routing).rejects.toThrow(DeployError);
      await expect(routing).rejects.toThrow(
        `cannot listen on 127.0.0.1:${port}: the port is taken`,
      );
    } finally {
      blocker.close();
    }
    expect((await host.status()).services).toEqual([]);
  });

  it("will not stop a release that still has a share, and stops one after its requests in flight", async () => {
    openHost();
    await launch("shop-r1");
    await launch("shop-r2");
    const service = await host.route("shop", [{ release: "shop-r1", share: 1 }]);
    await expect(host.stop("shop-r1")).rejects.toThrow(/still gets 100% of shop's traffic/);

    const inFlight = ask(`${service.address}/slow?ms=300`);
    // The release prints a line once the request reached it: then it is in flight through the proxy.
    await expect
      .poll(async () => (await host.status()).releases[0]?.recentOutput)
      .toContain("shop-r1: slow request started");
    await host.route("shop", [{ release: "shop-r2", share: 1 }]);
    await host.stop("shop-r1");
    expect(await inFlight).toEqual({ status: 200, body: { release: "shop-r1" } });
    await host.stop("shop-r1");
    await host.stop("shop-r404");
    const stopped = (await host.status()).releases.find((release) => release.release === "shop-r1");
    expect(stopped).toMatchObject({ state: "stopped", traffic: { requests: 1, errors: 0 } });
    await expect(host.route("shop", [{ release: "shop-r1", share: 1 }])).rejects.toThrow(
      /shop-r1 is stopped: it cannot take traffic/,
    );
  });

  it("restarts a crashed release, and answers 502 for the share of one it gave up on", async () => {
    openHost();
    await launch("shop-r1");
    const service = await host.route("shop", [{ release: "shop-r1", share: 1 }]);
    for (let crashCount = 1; crashCount <= 5; crashCount += 1) {
      const next = states.next("shop-r1", crashCount < 5 ? "running" : "stopped");
      await request(`${service.address}/crash`, { dispatcher: client }).catch(() => undefined);
      await next;
      if (crashCount === 1) expect((await ask(`${service.address}/version`)).status).toBe(200);
    }
    const answer = await ask(`${service.address}/version`);
    expect(answer).toEqual({ status: 502, body: { error: "release shop-r1 is not running" } });
    const [release] = (await host.status()).releases;
    expect(release).toMatchObject({ state: "stopped", restarts: 4, share: 1 });
    // Five crashing requests and the last one: every one a 502.
    expect(release?.traffic).toMatchObject({ requests: 7, errors: 6 });
  });

  it("closes every address and stops every release", async () => {
    openHost();
    const launched = await launch("shop-r1");
    const service = await host.route("shop", [{ release: "shop-r1", share: 1 }]);
    await host.close();
    await expect(request(`${service.address}/version`)).rejects.toThrow(/ECONNREFUSED/);
    await expect(request(`${launched.endpoint.baseUrl}/version`)).rejects.toThrow(/ECONNREFUSED/);
    expect((await host.status()).releases.map((release) => release.state)).toEqual(["stopped"]);
    await expect(launch("shop-r2")).rejects.toThrow(/the release host is closed/);
  });
});
