/**
 * The stable address of one service: a small reverse proxy. Each request goes to one release, picked by
 * the current traffic shares (weighted at random), and its body and answer stream through both ways.
 * Switching is one assignment of the shares: a request already picked finishes where it started. A
 * release that cannot be reached gets a 502, an address with no shares answers 503, and every proxied
 * request is reported (latency, failed or not) so the host can count each release's traffic.
 */
import {
  type Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { ShopfloorError } from "../../contracts/errors.js";
import type { HttpTarget } from "../../runners/http/http-step-runner.js";
import type { TrafficShare } from "../deploy-target.js";
import type { ProxiedAnswer } from "./traffic-counts.js";

/** Where a release answers now, and the keep-alive agent its connections come from. */
export interface Upstream {
  target: HttpTarget;
  agent: Agent;
}

export interface ReverseProxyOptions {
  service: string;
  /** The interface the stable address listens on. */
  host: string;
  /** Where a release answers now; undefined when it does not run (the proxy answers 502). */
  upstream(release: string): Upstream | undefined;
  /** Told once per proxied request, when its answer has ended or failed. */
  record(release: string, answer: ProxiedAnswer): void;
  /** Uniform in [0, 1): picks the release of each request. */
  random(): number;
  now(): number;
}

/** Headers that describe one connection, not the message: never passed on (RFC 9110, 7.6.1). */
const hopByHopHeaders = [
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "upgrade",
  "transfer-encoding",
];

export class ReverseProxy {
  readonly #options: ReverseProxyOptions;
  readonly #server: Server;
  readonly #inFlight = new Map<string, number>();
  #shares: readonly TrafficShare[] = [];
  #port: number | undefined;

  constructor(options: ReverseProxyOptions) {
    this.#options = options;
    this.#server = createServer((request, response) => this.#handle(request, response));
  }

  get shares(): readonly TrafficShare[] {
    return this.#shares;
  }

  get port(): number {
    if (this.#port === undefined) {
      throw new ShopfloorError(
        "internal",
        `the address of ${this.#options.service} is not open yet`,
      );
    }
    return this.#port;
  }

  get address(): string {
    const host = this.#options.host.includes(":") ? `[${this.#options.host}]` : this.#options.host;
    return `http://${host}:${this.port}`;
  }

  /** Listens on `port` (any free one when undefined); rejects with the system's error, e.g. EADDRINUSE. */
  listen(port?: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port ?? 0, this.#options.host, () => {
        this.#server.off("error", reject);
        this.#port = (this.#server.address() as AddressInfo).port;
        resolve(this.#port);
      });
    });
  }

  /** From the next request on; the shares are not checked here (the host does). */
  route(shares: readonly TrafficShare[]): void {
    this.#shares = Object.freeze(shares.map((share) => ({ ...share })));
  }

  shareOf(release: string): number {
    return this.#shares.find((share) => share.release === release)?.share ?? 0;
  }

  /** Requests sent to the release whose answer has not ended yet. */
  inFlight(release: string): number {
    return this.#inFlight.get(release) ?? 0;
  }

  /** Stops listening and drops every client connection, idle or not. */
  close(): Promise<void> {
    if (!this.#server.listening) return Promise.resolve();
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const release = pickRelease(this.#shares, this.#options.random());
    if (release === undefined) {
      answerJson(response, 503, { error: `no release of ${this.#options.service} takes traffic` });
      return;
    }
    const startedAt = this.#options.now();
    const broken = { upstream: false };
    this.#inFlight.set(release, this.inFlight(release) + 1);
    response.once("close", () => {
      this.#inFlight.set(release, this.inFlight(release) - 1);
      if (this.inFlight(release) === 0) this.#inFlight.delete(release);
      const failed = broken.upstream || response.statusCode >= 500;
      this.#options.record(release, { latencyMs: this.#options.now() - startedAt, failed });
    });
    const upstream = this.#options.upstream(release);
    if (upstream === undefined) {
      answerJson(response, 502, { error: `release ${release} is not running` });
      return;
    }
    this.#forward(request, response, release, upstream, broken, true);
  }

  #forward(
    request: IncomingMessage,
    response: ServerResponse,
    release: string,
    upstream: Upstream,
    broken: { upstream: boolean },
    mayRetry: boolean,
  ): void {
    const address = upstreamAddress(upstream.target);
    const outgoing = httpRequest({
      ...address.connect,
      agent: upstream.agent,
      method: request.method,
      path: address.pathPrefix + (request.url ?? "/"),
      headers: forwardedHeaders(request),
    });
    let clientGone = false;
    response.once("close", () => {
      if (response.writableFinished) return;
      clientGone = true;
      outgoing.destroy();
    });
    outgoing.once("response", (answer) => {
      response.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(response);
      answer.on("error", () => undefined);
      answer.once("close", () => {
        if (answer.complete || clientGone) return;
        broken.upstream = true;
        response.destroy();
      });
    });
    outgoing.once("error", (error: NodeJS.ErrnoException) => {
      if (clientGone) return;
      // A kept-alive connection the release closed just as it was reused: safe to send again once,
      // as long as the request has no body to read again.
      const stale = outgoing.reusedSocket && error.code === "ECONNRESET";
      if (mayRetry && stale && !response.headersSent && hasNoBody(request)) {
        this.#forward(request, response, release, upstream, broken, false);
        return;
      }
      broken.upstream = true;
      if (response.headersSent) response.destroy();
      else {
        const reason = error.code ?? error.message;
        answerJson(response, 502, { error: `release ${release} cannot be reached: ${reason}` });
      }
    });
    if (hasNoBody(request)) outgoing.end();
    else request.pipe(outgoing);
  }
}

/**
 * The release a request goes to, for a uniform `randomValue` in [0, 1): each release with a share takes
 * an interval that long. Undefined when no release has a share.
 */
export function pickRelease(
  shares: readonly TrafficShare[],
  randomValue: number,
): string | undefined {
  let remaining = randomValue;
  let last: string | undefined;
  for (const { release, share } of shares) {
    if (share <= 0) continue;
    if (remaining < share) return release;
    remaining -= share;
    last = release;
  }
  // Shares that add up to a hair under 1 leave a sliver at the top: it goes to the last release.
  return last;
}

/** How node:http reaches a target: its unix socket or TCP endpoint, else the base URL's host and port. */
export function upstreamAddress(target: HttpTarget): {
  connect: { socketPath: string } | { host: string; port: number };
  pathPrefix: string;
} {
  const url = new URL(target.baseUrl);
  const pathPrefix = url.pathname.replace(/\/+$/, "");
  const endpoint = target.endpoint;
  if (endpoint?.kind === "unix")
    return { connect: { socketPath: endpoint.socketPath }, pathPrefix };
  if (endpoint?.kind === "tcp") {
    return { connect: { host: endpoint.host, port: endpoint.port }, pathPrefix };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return { connect: { host, port: Number(url.port || 80) }, pathPrefix };
}

/** The request's headers for the release: without hop-by-hop ones, with the x-forwarded-* added. */
export function forwardedHeaders(request: IncomingMessage): OutgoingHttpHeaders {
  const headers = withoutHopByHop(request.headers);
  // A chunked body stays chunked: node would otherwise send a GET's body without framing.
  if (request.headers["transfer-encoding"] !== undefined) {
    headers["transfer-encoding"] = request.headers["transfer-encoding"];
  }
  const client = request.socket.remoteAddress ?? "unknown";
  const earlier = request.headers["x-forwarded-for"];
  headers["x-forwarded-for"] = earlier === undefined ? client : `${earlier}, ${client}`;
  if (request.headers.host !== undefined) headers["x-forwarded-host"] = request.headers.host;
  headers["x-forwarded-proto"] = "http";
  return headers;
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const dropped = new Set([...hopByHopHeaders, ...named]);
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name, value]) => value !== undefined && !dropped.has(name.toLowerCase()),
    ),
  );
}

function hasNoBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return (
    request.headers["transfer-encoding"] === undefined && (length === undefined || length === "0")
  );
}

function answerJson(response: ServerResponse, status: number, body: { error: string }): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}
