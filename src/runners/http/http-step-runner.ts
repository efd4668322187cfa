/**
 * Runs http steps: one request per step over a keep-alive connection pool (undici), against a base URL or
 * a sandboxed target's unix socket. The whole response is read (up to a cap) so that assertions and the
 * robustness checks see what a client would.
 */
import { Agent, type Dispatcher, request } from "undici";
import type { HttpObservation } from "../../contracts/observation.js";
import type { HttpStep, Step } from "../../contracts/scenario.js";
import type { Endpoint } from "../sandbox/sandbox.js";
import type { StepRunner } from "../step-runner.js";

/** Bodies beyond this are cut: a runaway response must not exhaust the runner's memory. */
export const maximumBodyBytes = 10 * 1024 * 1024;

export interface HttpTarget {
  /** The address requests go to, e.g. http://127.0.0.1:8080/api; paths are appended to it. */
  baseUrl: string;
  /** When set, connections go to this endpoint instead of the base URL's host and port. */
  endpoint?: Endpoint;
}

export interface HttpStepRunnerOptions {
  target: HttpTarget;
  defaultHeaders: Readonly<Record<string, string>>;
  connections: number;
  now(): number;
}

export class HttpStepRunner implements StepRunner {
  readonly #options: HttpStepRunnerOptions;
  readonly #dispatcher: Dispatcher;

  constructor(options: HttpStepRunnerOptions) {
    this.#options = options;
    const endpoint = options.target.endpoint;
    this.#dispatcher = new Agent({
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: 10_000,
      ...(endpoint?.kind === "unix" ? { connect: { socketPath: endpoint.socketPath } } : {}),
    });
  }

  describe(step: Step): string {
    if (!("request" in step)) return "not an http step";
    return `${step.request.method} ${step.request.path}`;
  }

  async run(step: Step, signal: AbortSignal): Promise<HttpObservation> {
    if (!("request" in step)) throw new Error("an http suite can only run http steps");
    const { method, headers: stepHeaders, json, body } = step.request;
    const url = this.url(step);
    const bodyText = json !== undefined ? JSON.stringify(json) : (body ?? "");
    const headers: Record<string, string> = {
      ...lowerCaseKeys(this.#options.defaultHeaders),
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...lowerCaseKeys(stepHeaders ?? {}),
    };
    const started = this.#options.now();
    const response = await request(url, {
      method: method as Dispatcher.HttpMethod,
      headers,
      body: json === undefined && body === undefined ? undefined : bodyText,
      dispatcher: this.#dispatcher,
      signal,
    });
    const declaredLength = Number(response.headers["content-length"] ?? Number.NaN);
    // A declared small body is read in one go; an unknown or large one is read with a cap.
    const responseText =
      declaredLength <= maximumBodyBytes
        ? await response.body.text()
        : await readCapped(response.body);
    const durationMs = this.#options.now() - started;
    return {
      kind: "http",
      request: { method, url, headers, bodyText },
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      bodyText: responseText,
      body: parseJson(responseText),
      durationMs,
    };
  }

  close(): Promise<void> {
    return this.#dispatcher.close();
  }

  private url(step: HttpStep): string {
    const base = new URL(this.#options.target.baseUrl);
    // Prefixed with the origin, a path such as `//elsewhere.example/x` stays a path on the target: a
    // step can never send a request to another host.
    const url = new URL(`${base.origin}${joinPath(base.pathname, step.request.path)}`);
    for (const [name, value] of Object.entries(step.request.query ?? {}))
      url.searchParams.append(name, String(value));
    return url.toString();
  }
}

function joinPath(basePath: string, path: string): string {
  if (basePath === "/" || basePath === "") return path.startsWith("/") ? path : `/${path}`;
  return `${basePath.replace(/\/$/, "")}/${path.replace(/^\//, "")}`;
}

async function readCapped(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size >= maximumBodyBytes) continue; // keep draining so the connection can be reused
    chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, maximumBodyBytes).toString("utf8");
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
