/**
 * The port bridge of the bubblewrap sandbox. A sandboxed server listens on a TCP port of the sandbox's own
 * network namespace, which the host cannot reach. This script runs inside the sandbox, beside the server:
 * it listens on a unix socket in a folder the host can see, and forwards every connection to the port,
 * holding a connection while the server is still starting. It never ends by itself: it dies with the
 * sandbox when the server (the sandbox's main process) ends.
 *
 *   node port-bridge.mjs <socket-path> <port>
 *
 * Plain JavaScript without dependencies: it runs inside the sandbox, from src/ under vitest and from dist/.
 */
import { rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";

/** How long a connection waits for the server to start listening, and how often it tries. */
const connectPatienceMs = 10_000;
const connectRetryMs = 20;
const retriedErrors = new Set(["ECONNREFUSED", "ECONNRESET", "EADDRNOTAVAIL"]);

const [socketPath, portText] = process.argv.slice(2);
if (socketPath === undefined || !/^\d+$/.test(portText ?? "")) {
  process.stderr.write("usage: node port-bridge.mjs <socket-path> <port>\n");
  process.exit(2);
}
const port = Number(portText);

const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, forward);
server.once("error", (error) => {
  process.stderr.write(`port-bridge: cannot listen on ${socketPath}: ${error.message}\n`);
  process.exit(125);
});
rmSync(socketPath, { force: true });
server.listen(socketPath);

function forward(client) {
  const startedAt = Date.now();
  let upstream;
  client.on("error", () => upstream?.destroy());
  const attempt = () => {
    if (client.destroyed) return;
    upstream = createConnection({ host: "127.0.0.1", port, allowHalfOpen: true });
    upstream.once("error", (error) => {
      const patient = Date.now() - startedAt < connectPatienceMs;
      if (patient && retriedErrors.has(error.code)) setTimeout(attempt, connectRetryMs);
      else client.destroy();
    });
    upstream.once("connect", () => {
      if (client.destroyed) return upstream.destroy();
      upstream.removeAllListeners("error");
      upstream.on("error", () => client.destroy());
      // Each side's end is passed on as a half-close, so request and response both finish in order.
      client.pipe(upstream);
      upstream.pipe(client);
    });
  };
  attempt();
}
