/**
 * The ReleaseHost calls made to the host daemon over its control socket (HTTP on a unix socket, undici).
 * A DeployError the daemon answered (422) comes back as the same DeployError; a daemon that cannot be
 * reached, or any other failure, is a ShopfloorError io-error. `close()` only lets go of this client's
 * connections (the releases keep running); `shutdown()` asks the daemon itself to stop.
 */
import { Agent, type Dispatcher, request } from "undici";
import { ShopfloorError } from "../../../contracts/errors.js";
import { DeployError } from "../../deploy-error.js";
import type { TrafficShare } from "../../deploy-target.js";
import type {
  HostedRelease,
  HostedService,
  HostStatus,
  ReleaseHost,
  ReleaseLaunch,
} from "../release-host.js";
import type { ControlErrorBody } from "./control-app.js";

/** Nothing answers on the daemon's socket: no daemon runs (or it is still starting). */
export class HostUnreachableError extends ShopfloorError {
  constructor(socketPath: string, cause: unknown) {
    super(
      "io-error",
      `the release host on ${socketPath} cannot be reached: ${(cause as Error).message}`,
      { retryable: true, path: socketPath, cause },
    );
    this.name = "HostUnreachableError";
  }
}

/** Any host name will do: the connection goes to the socket; it only shows in the daemon's URLs. */
const origin = "http://shopfloor-host";

export class ReleaseHostClient implements ReleaseHost {
  readonly socketPath: string;
  readonly #dispatcher: Agent;
  #closed = false;

  constructor(options: { socketPath: string }) {
    this.socketPath = options.socketPath;
    this.#dispatcher = new Agent({ connect: { socketPath: options.socketPath } });
  }

  async launch(launch: ReleaseLaunch): Promise<HostedRelease> {
    return (await this.#call("POST", "/launch", launch)) as HostedRelease;
  }

  async route(
    service: string,
    shares: readonly TrafficShare[],
    port?: number,
  ): Promise<HostedService> {
    const body = { shares, ...(port === undefined ? {} : { port }) };
    const path = `/services/${encodeURIComponent(service)}/route`;
    return (await this.#call("PUT", path, body)) as HostedService;
  }

  async stop(release: string): Promise<void> {
    await this.#call("POST", `/releases/${encodeURIComponent(release)}/stop`);
  }

  async status(): Promise<HostStatus> {
    return (await this.#call("GET", "/status")) as HostStatus;
  }

  /** The daemon's status, or undefined when nothing answers on the socket (no daemon runs). */
  async statusIfRunning(): Promise<HostStatus | undefined> {
    try {
      return await this.status();
    } catch (error) {
      if (error instanceof HostUnreachableError) return undefined;
      throw error;
    }
  }

  /** Asks the daemon to stop its releases and exit; it answers before it does. */
  async shutdown(): Promise<void> {
    await this.#call("POST", "/shutdown");
  }

  /** Lets go of this client's connections; the daemon and its releases keep running. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#dispatcher.close();
  }

  async #call(method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<unknown> {
    let response: Dispatcher.ResponseData;
    try {
      response = await request(`${origin}${path}`, {
        method,
        dispatcher: this.#dispatcher,
        ...(body === undefined
          ? {}
          : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new HostUnreachableError(this.socketPath, error);
    }
    const text = await response.body.text();
    if (response.statusCode < 300) return text === "" ? undefined : JSON.parse(text);
    throw errorOf(response.statusCode, text, `${method} ${path}`);
  }
}

function errorOf(status: number, text: string, call: string): ShopfloorError {
  const answer = parseErrorBody(text);
  if (status === 422 && answer?.release !== undefined) {
    return new DeployError(answer.release, answer.message, {
      retryable: answer.retryable ?? false,
    });
  }
  const message = answer?.message ?? (text.trim() || "no message");
  return new ShopfloorError(
    "io-error",
    `the release host refused ${call} (${status}): ${message}`,
    {
      ...(answer?.field === undefined ? {} : { field: answer.field }),
    },
  );
}

function parseErrorBody(text: string): ControlErrorBody["error"] | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<ControlErrorBody>;
    return typeof parsed.error?.message === "string" ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}
