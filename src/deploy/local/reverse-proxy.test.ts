import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import {
  createServer,
  Agent as HttpAgent,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../runners/free-port.js";
import type { HttpTarget } from "../../runners/http/http-step-runner.js";
import { forwardedHeaders, pickRelease, ReverseProxy, type Upstream } from "./reverse-proxy.js";
import type { ProxiedAnswer } from "./traffic-counts.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Answers with what it received, as JSON, naming itself. */
const echo =
  (release: string): Handler =>
  (incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      response.writeHead(200, { "content-type": "application/json", "x-release": release });
      response.end(
        JSON.stringify({
          release,
          method: incoming.method,
          url: incoming.url,
          headers: incoming.headers,
          body,
        }),
      );
    });
  };

describe("pickRelease", () => {
  const shares = [
    { release: "shop-r1", share: 0.25 },
    { release: "shop-r2", share: 0 },
    { release: "shop-r3", share: 0.75 },
  ];

  it("gives each release an interval of [0, 1) as long as its share, skipping empty shares", () => {
    expect(pickRelease(shares, 0)).toBe("shop-r1");
    expect(pickRelease(shares, 0.2499)).toBe("shop-r1");
    expect(pickRelease(shares, 0.25)).toBe("shop-r3");
    expect(pickRelease(shares, 0.9999)).toBe("shop-r3");
  });

  it("sends the rounding sliver of shares a hair under 1 to the last release", () => {
    const third = 1 / 3 - 1e-12;
    const thirds = ["a", "b", "c"].map((release) => ({ release, share: third }));
    expect(pickRelease(thirds, 0.999999999999)).toBe("c");
  });

  it("has no release to pick without shares", () => {
    expect(pickRelease([], 0.5)).toBeUndefined();
    expect(pickRelease([{ release: "shop-r1", share: 0 }], 0.5)).toBeUndefined();
  });
});

describe("forwardedHeaders", () => {
  it("drops hop-by-hop headers (and those the Connection header names) and keeps a chunked body chunked", () => {
    const incoming = {
      headers: {
        host: "shop.local:8080",
        connection: "keep-alive, x-hop",
        "keep-alive": "timeout=5",
        "x-hop": "only for this connection",
        upgrade: "websocket",
        "transfer-encoding": "chunked",
        accept: "application/json",
      },
      socket: { remoteAddress: "10.0.0.2" },
    } as unknown as IncomingMessage;
    expect(forwardedHeaders(incoming)).toEqual({
      host: "shop.local:8080",
      accept: "application/json",
      "transfer-encoding": "chunked",
      "x-forwarded-for": "10.0.0.2",
      "x-forwarded-host": "shop.local:8080",
      "x-forwarded-proto": "http",
    });
  });
});

describe("ReverseProxy", () => {
  const closers: (() => Promise<unknown>)[] = [];
  const client = new Agent({ keepAliveTimeout: 1_000 });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  afterAll(() => client.close());

  async function upstreamServer(handler: Handler, socketPath?: string) {
    const server: Server = createServer(handler);
    if (socketPath === undefined) server.listen(0, "127.0.0.1");
    else server.listen(socketPath);
    await once(server, "listening");
    const agent = new HttpAgent({ keepAlive: true });
    closers.push(async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((settle) => server.close(settle));
    });
    const port = socketPath === undefined ? (server.address() as AddressInfo).port : 0;
    const target: HttpTarget =
      socketPath === undefined
        ? { baseUrl: `http://127.0.0.1:${port}` }
        : { baseUrl: "http://127.0.0.1:9", endpoint: { kind: "unix", socketPath } };
    return { server, upstream: { target, agent } satisfies Upstream };
  }

  async function openProxy(
    upstreams: Record<string, Upstream | undefined>,
    randoms: number[] = [],
  ) {
    const recorded: { release: string; answer: ProxiedAnswer }[] = [];
    const waiting: (() => void)[] = [];
    /** Resolves once the proxy has recorded this many requests. */
    const recordedCount = (count: number) =>
      new Promise<void>((settle) => {
        const check = () => (recorded.length >= count ? settle() : waiting.push(check));
        check();
      });
    let clock = 0;
    const proxy = new ReverseProxy({
      service: "shop",
      host: "127.0.0.1",
      upstream: (release) => upstreams[release],
      record: (release, answer) => {
        recorded.push({ release, answer });
        for (const check of waiting.splice(0)) check();
      },
      random: () => randoms.shift() ?? 0,
      now: () => (clock += 5),
    });
    await proxy.listen();
    closers.push(() => proxy.close());
    return { proxy, recorded, recordedCount };
  }

  async function ask(url: string, options: Parameters<typeof request>[1] = {}) {
    const response = await request(url, { dispatcher: client, ...options });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text };
  }

  it("forwards method, path, headers and body, adds x-forwarded-*, and passes the answer back", async () => {
    const { upstream } = await upstreamServer(echo("shop-r1"));
    const { proxy, recorded } = await openProxy({ "shop-r1": upstream });
    proxy.route([{ release: "shop-r1", share: 1 }]);

    const answer = await ask(`${proxy.address}/items/7?full=yes`, {
      method: "PUT",
      headers: { "content-type": "text/plain", "x-trace": "abc", "x-forwarded-for": "10.0.0.9" },
      body: "new name",
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["x-release"]).toBe("shop-r1");
    const seen = JSON.parse(answer.text);
    expect(seen).toMatchObject({ method: "PUT", url: "/items/7?full=yes", body: "new name" });
    expect(seen.headers).toMatchObject({
      "x-trace": "abc",
      "x-forwarded-for": "10.0.0.9, 127.0.0.1",
      "x-forwarded-host": `127.0.0.1:${proxy.port}`,
      "x-forwarded-proto": "http",
    });
    expect(recorded).toEqual([{ release: "shop-r1", answer: { latencyMs: 5, failed: false } }]);
  });

  it("streams a large body through both ways", async () => {
    const { upstream } = await upstreamServer(echo("shop-r1"));
    const { proxy } = await openProxy({ "shop-r1": upstream });
    proxy.route([{ release: "shop-r1", share: 1 }]);
    const body = "x".repeat(3 * 1024 * 1024);
    const answer = await ask(`${proxy.address}/upload`, { method: "POST", body });
    expect(JSON.parse(answer.text).body).toBe(body);
  });

  it("reaches a release on a unix socket", async () => {
    const folder = await mkdtemp(join(tmpdir(), "shopfloor-proxy-"));
    closers.push(() => rm(folder, { recursive: true, force: true }));
    const { upstream } = await upstreamServer(echo("shop-r1"), join(folder, "port.sock"));
    const { proxy } = await openProxy({ "shop-r1": upstream });
    proxy.route([{ release: "shop-r1", share: 1 }]);
    expect(JSON.parse((await ask(`${proxy.address}/version`)).text).release).toBe("shop-r1");
  });

  it("picks each request's release by the shares and the random source", async () => {
    const first = await upstreamServer(echo("shop-r1"));
    const second = await upstreamServer(echo("shop-r2"));
    const { proxy } = await openProxy(
      { "shop-r1": first.upstream, "shop-r2": second.upstream },
      [0.05, 0.95, 0.15, 0.5],
    );
    proxy.route([
      { release: "shop-r1", share: 0.2 },
      { release: "shop-r2", share: 0.8 },
    ]);
    const releases: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      releases.push(JSON.parse((await ask(`${proxy.address}/`)).text).release);
    }
    expect(releases).toEqual(["shop-r1", "shop-r2", "shop-r1", "shop-r2"]);
  });

  it("answers 503 with no shares, and 502 when the release is not running or cannot be reached", async () => {
    const { proxy, recorded } = await openProxy({
      "shop-r1": undefined,
      "shop-r2": await unreachable(),
    });
    const noShares = await ask(`${proxy.address}/`);
    expect(noShares.status).toBe(503);
    expect(JSON.parse(noShares.text)).toEqual({ error: "no release of shop takes traffic" });

    proxy.route([{ release: "shop-r1", share: 1 }]);
    const notRunning = await ask(`${proxy.address}/`);
    expect(notRunning.status).toBe(502);
    expect(JSON.parse(notRunning.text)).toEqual({ error: "release shop-r1 is not running" });

    proxy.route([{ release: "shop-r2", share: 1 }]);
    const refused = await ask(`${proxy.address}/`);
    expect(refused.status).toBe(502);
    expect(JSON.parse(refused.text).error).toMatch(
      /release shop-r2 cannot be reached: ECONNREFUSED/,
    );
    expect(recorded.map(({ release, answer }) => [release, answer.failed])).toEqual([
      ["shop-r1", true],
      ["shop-r2", true],
    ]);
  });

  it("passes a release's own 5xx on and counts it as an error", async () => {
    const { upstream } = await upstreamServer((_incoming, response) => {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end("broken");
    });
    const { proxy, recorded } = await openProxy({ "shop-r1": upstream });
    proxy.route([{ release: "shop-r1", share: 1 }]);
    const answer = await ask(`${proxy.address}/`);
    expect([answer.status, answer.text]).toEqual([500, "broken"]);
    expect(recorded[0]?.answer.failed).toBe(true);
  });

  it("cuts the client's answer short, and counts an error, when the release resets mid-answer", async () => {
    const { upstream } = await upstreamServer((_incoming, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("half of it");
      setImmediate(() => response.socket?.destroy());
    });
    const { proxy, recorded, recordedCount } = await openProxy({ "shop-r1": upstream });
    proxy.route([{ release: "shop-r1", share: 1 }]);
    await expect(ask(`${proxy.address}/`)).rejects.toThrow();
    await recordedCount(1);
    expect(recorded[0]?.answer.failed).toBe(true);
  });

  it("lets a request in flight finish where it started when the shares switch", async () => {
    let arrived: (answer: () => void) => void = () => undefined;
    const held = new Promise<() => void>((settle) => {
      arrived = settle;
    });
    const first = await upstreamServer((incoming, response) => {
      arrived(() => echo("shop-r1")(incoming, response));
    });
    const second = await upstreamServer(echo("shop-r2"));
    const { proxy, recordedCount } = await openProxy({
      "shop-r1": first.upstream,
      "shop-r2": second.upstream,
    });
    proxy.route([{ release: "shop-r1", share: 1 }]);

    const inFlight = ask(`${proxy.address}/slow`);
    const answerFirst = await held;
    expect(proxy.inFlight("shop-r1")).toBe(1);
    proxy.route([{ release: "shop-r2", share: 1 }]);
    expect(JSON.parse((await ask(`${proxy.address}/`)).text).release).toBe("shop-r2");
    answerFirst();
    expect(JSON.parse((await inFlight).text).release).toBe("shop-r1");
    await recordedCount(2);
    expect(proxy.inFlight("shop-r1")).toBe(0);
    expect(proxy.shareOf("shop-r1")).toBe(0);
  });

  it("cannot listen on a port that is taken", async () => {
    const { proxy } = await openProxy({});
    const second = new ReverseProxy({
      service: "shop",
      host: "127.0.0.1",
      upstream: () => undefined,
      record: () => undefined,
      random: () => 0,
      now: () => 0,
    });
    await expect(second.listen(proxy.port)).rejects.toMatchObject({ code: "EADDRINUSE" });
  });
});

/** A release address nothing listens on. */
async function unreachable(): Promise<Upstream> {
  const port = await findFreePort();
  return { target: { baseUrl: `http://127.0.0.1:${port}` }, agent: new HttpAgent() };
}
