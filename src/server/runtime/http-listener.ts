/**
 * The console's app on a real socket (@hono/node-server): listening on a host and port (0 picks a free
 * one), a port in use as an error that says what to do, and a graceful stop: stop accepting, let the
 * requests being answered finish, then close what stays open (the event streams, which never end by
 * themselves).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { ShopfloorError } from "../../contracts/errors.js";

export interface ListenOptions {
  hostname: string;
  /** 0 picks a free port. */
  port: number;
  /** How long the requests being answered get to finish when the listener closes. Default 5 s. */
  graceMs?: number;
}

export interface HttpListener {
  /** The port actually bound (the chosen one for port 0). */
  readonly port: number;
  readonly hostname: string;
  /** Stops accepting, waits for the requests in flight, then ends every open connection. */
  close(): Promise<void>;
}

type FetchHandler = (request: Request) => Response | Promise<Response>;

export async function listen(fetch: FetchHandler, options: ListenOptions): Promise<HttpListener> {
  const inFlight = new InFlight();
  // Without `createServer` options, node-server makes a plain node:http server.
  const server = createAdaptorServer({
    fetch: (request) => inFlight.track(() => fetch(request)),
    hostname: options.hostname,
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(listenError(error, options.hostname, options.port)),
    );
    server.listen(options.port, options.hostname, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    port,
    hostname: options.hostname,
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await inFlight.settled(options.graceMs ?? 5_000);
        // What is still open is an event stream (or a client that would not go): end it.
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}

/** The requests whose answer is not ready yet: a stop waits for them, not for the streams' bodies. */
class InFlight {
  #count = 0;
  #waiters: (() => void)[] = [];

  async track(answer: () => Response | Promise<Response>): Promise<Response> {
    this.#count += 1;
    try {
      return await answer();
    } finally {
      this.#count -= 1;
      if (this.#count === 0) for (const waiter of this.#waiters.splice(0)) waiter();
    }
  }

  /** Resolves once no answer is pending (and the last one had a turn to be written), or after the grace. */
  settled(graceMs: number): Promise<void> {
    if (this.#count === 0) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      this.#waiters.push(() => {
        clearTimeout(timer);
        // The answer is ready; give its body a turn of the event loop to be written.
        setImmediate(resolve);
      });
    });
  }
}

function listenError(error: NodeJS.ErrnoException, hostname: string, port: number): Error {
  const where = `${hostname}:${port}`;
  switch (error.code) {
    case "EADDRINUSE":
      return new ShopfloorError(
        "invalid-argument",
        `port ${port} on ${hostname} is in use (another \`shopfloor serve\`?): stop it, or choose another with --port (--port 0 picks a free one)`,
        { field: "port", cause: error },
      );
    case "EACCES":
      return new ShopfloorError(
        "invalid-argument",
        `this user may not listen on ${where}: choose a port above 1023 with --port`,
        { field: "port", cause: error },
      );
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return new ShopfloorError(
        "invalid-argument",
        `cannot listen on ${hostname}: it is not an address of this machine (the default is 127.0.0.1)`,
        { field: "host", cause: error },
      );
    default:
      return new ShopfloorError("io-error", `cannot listen on ${where}: ${error.message}`, {
        cause: error,
      });
  }
}
