/**
 * Test support: a tiny real http server to deploy, written into a fresh folder every user can read (the
 * bubblewrap sandbox runs it as nobody under root). It answers /health and /version with the release
 * name from $RELEASE_NAME, and misbehaves on demand: FAIL_HEALTH=1 (health answers 500), EXIT_AT_START=1
 * (prints a line and exits 3), GET /crash (kills itself), /echo (answers with what it received) and
 * /slow?ms=… (answers after a while, for requests still in flight).
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeReadableFixture } from "../../support/sandbox-test-support.js";

const serverSource = `
import { createServer } from "node:http";

const release = process.env.RELEASE_NAME ?? "unnamed";
if (process.env.EXIT_AT_START === "1") {
  console.error(release + ": cannot open the database, giving up");
  process.exit(3);
}
const failingHealth = process.env.FAIL_HEALTH === "1";
if (failingHealth) console.error(release + ": health check fails on purpose");

function answerJson(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "x-release": release });
  response.end(text);
}

const server = createServer((request, response) => {
  const url = new URL(request.url, "http://release");
  if (url.pathname === "/health") return answerJson(response, failingHealth ? 500 : 200, { release });
  if (url.pathname === "/version") return answerJson(response, 200, { release });
  if (url.pathname === "/crash") {
    console.error(release + ": crashing on request");
    process.kill(process.pid, "SIGKILL");
    return;
  }
  if (url.pathname === "/fail") return answerJson(response, 500, { release, error: "on purpose" });
  if (url.pathname === "/slow") {
    console.log(release + ": slow request started");
    setTimeout(() => answerJson(response, 200, { release }), Number(url.searchParams.get("ms")));
    return;
  }
  if (url.pathname === "/echo") {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () =>
      answerJson(response, 200, {
        release,
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      }),
    );
    return;
  }
  answerJson(response, 404, { release, error: "not found" });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1", () => {
  console.log(release + " listening on " + process.env.PORT);
});
`;

export interface ReleaseFolder {
  directory: string;
  remove(): Promise<void>;
}

export async function writeReleaseServer(): Promise<ReleaseFolder> {
  const directory = await makeReadableFixture();
  await writeFile(join(directory, "server.mjs"), serverSource, { mode: 0o644 });
  return { directory, remove: () => rm(directory, { recursive: true, force: true }) };
}
