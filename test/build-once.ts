/**
 * Vitest's global setup: builds dist/ (the CLI and the dashboard) once, before any test file runs. The
 * tests that start the real `shopfloor` (the bin, the daemons, kill-and-resume, the console and its
 * dashboard in chromium) then all run today's sources, and no test rebuilds dist/ while another one's
 * server reads from it. `SHOPFLOOR_TEST_BUILD=skip` skips it when dist/ is known to be current.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

export default function buildOnce(): void {
  if (process.env.SHOPFLOOR_TEST_BUILD === "skip") return;
  const build = spawnSync("npm", ["run", "build", "--silent"], {
    cwd: repositoryRoot,
    encoding: "utf8",
  });
  if (build.status !== 0) {
    throw new Error(`npm run build failed (${build.status}):\n${build.stdout}${build.stderr}`);
  }
}
