import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeFactoryLine, type FakeLineScript } from "../../../test/support/line-cli/line-fake.js";
import {
  sampleBreachCycle,
  sampleCycle,
  sampleWatchingCycle,
} from "../../../test/support/line-cli/release-fixtures.js";
import type { FactoryLineOptions, LineRunSummary, RunOptions } from "../../line/factory-line.js";
import { AccessTokens } from "../../server/access/access-tokens.js";
import type { CliIo } from "../cli-io.js";
import type { CommandContext } from "../command-context.js";
import { exitCodes } from "../exit-codes.js";
import { type ServeDependencies, serveCommand } from "./serve.js";

/** A line whose worker waits for work until it is stopped, as the real line's `run({untilIdle: false})`. */
class WaitingLine extends FakeFactoryLine {
  override async run(options: RunOptions = {}): Promise<LineRunSummary> {
    this.runs.push(options);
    const signal = options.signal;
    if (signal !== undefined && !signal.aborted) {
      await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    }
    return { jobsRun: 0, items: [] };
  }
}

interface ServeRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  lines: WaitingLine[];
}

interface ServeSetup {
  script?: FakeLineScript;
  webRoot?: string;
  /** Called once the console says it is up; the console stops when it returns. */
  whileUp?: (console: { url: string; stdout: () => string }) => Promise<void>;
  /** The console is up once stdout has this (default: the Ctrl-C line). */
  upWhen?: RegExp;
}

let folder: string;
let home: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-serve-command-"));
  home = join(folder, "home");
  // The real line creates its home when it opens; the fake one does not.
  mkdirSync(home);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `shopfloor serve ARGS` in-process on fake lines; `whileUp` talks to it, then it is interrupted. */
async function serve(argv: readonly string[], setup: ServeSetup = {}): Promise<ServeRun> {
  let stdout = "";
  let stderr = "";
  const interrupt = new AbortController();
  const upWhen = setup.upWhen ?? /Ctrl-C stops the console\.\n/;
  let up: Promise<void> | undefined;
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
      if (up === undefined && upWhen.test(stdout)) {
        const url = stdout.match(/^Listening on (\S+)$/m)?.[1] ?? "";
        up = (setup.whileUp?.({ url, stdout: () => stdout }) ?? Promise.resolve()).finally(() =>
          interrupt.abort(),
        );
      }
    },
    stderr: (text) => {
      stderr += text;
    },
    readText: async (path) => {
      throw new Error(`this test reads no file (${path})`);
    },
    exists: async () => false,
    workingDirectory: folder,
    environment: {},
    progress: { isTTY: false, write: () => true },
  };
  const lines: WaitingLine[] = [];
  const dependencies: ServeDependencies = {
    now: () => new Date("2026-11-24T15:00:00.000Z"),
    timeZone: "UTC",
    openLine: async (options: FactoryLineOptions) => {
      const line = new WaitingLine(options, setup.script ?? {});
      lines.push(line);
      return line;
    },
    interrupt: () => ({ signal: interrupt.signal, dispose: () => undefined }),
    webRoot: () => setup.webRoot ?? join(folder, "no-dashboard"),
  };
  const context: CommandContext = { io, exitCode: exitCodes.success };
  const program = new Command("shopfloor").addCommand(serveCommand(context, dependencies));
  for (const command of [program, ...program.commands]) {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  }
  let exitCode: number = exitCodes.success;
  try {
    await program.parseAsync(["serve", ...argv], { from: "user" });
    exitCode = context.exitCode;
  } catch (error) {
    stderr += `error: ${(error as Error).message}\n`;
    exitCode = exitCodes.usage;
  }
  await up;
  return { exitCode, stdout, stderr, lines };
}

describe("shopfloor serve", () => {
  it("makes a manager token for a home without one, shows it once, and answers with it", async () => {
    const answers: Record<string, number> = {};
    const run = await serve(["--home", home, "--port", "0"], {
      whileUp: async ({ url, stdout }) => {
        const secret = stdout().match(/^Token: (\S+)$/m)?.[1];
        answers.health = (await fetch(`${url}/api/health`)).status;
        answers.noToken = (await fetch(`${url}/api/no-such-route`)).status;
        // Past the token check, to the API's own "no such route".
        answers.withToken = (
          await fetch(`${url}/api/no-such-route`, {
            headers: { authorization: `Bearer ${secret}` },
          })
        ).status;
      },
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(answers).toEqual({ health: 200, noToken: 401, withToken: 404 });
    const url = run.stdout.match(/^Listening on (http:\/\/127\.0\.0\.1:(\d+))$/m);
    expect(Number(url?.[2])).toBeGreaterThan(0);
    const secret = run.stdout.match(/^Token: (sf_\S+)$/m)?.[1];
    expect(run.stdout).toContain(
      "A token was made for this factory home: manager (read, operate, configure).",
    );
    expect(run.stdout).toContain(`Sign in: ${url?.[1]}/#token=${secret}\n`);
    expect(run.stdout).toContain(`Factory home: ${home}\n`);
    expect(run.stdout).toContain(
      `Config: the defaults; settings saved from the console go to ${join(home, "config.yaml")}\n`,
    );
    const [token] = await new AccessTokens({ home }).list();
    expect(token).toMatchObject({ name: "manager", scopes: ["read", "operate", "configure"] });
    expect(secret?.startsWith(token?.prefix ?? "?")).toBe(true);
  });

  it("shows no secret for a home that has tokens, and says how to get a sign-in link", async () => {
    await new AccessTokens({ home }).create("manager", ["read", "operate", "configure"]);
    const run = await serve(["--home", home, "--port", "0"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/Token:|#token=/);
    expect(run.stdout).toContain("`shopfloor token rotate manager` prints a new sign-in link");
    expect(await new AccessTokens({ home }).list()).toHaveLength(1);
  });

  it("works the line in its process and stops the worker, then the line, when interrupted", async () => {
    const run = await serve(["--home", home, "--port", "0"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain("The line is worked in this process.\n");
    const [line] = run.lines;
    expect(line?.runs).toHaveLength(1);
    expect(line?.runs[0]).toMatchObject({ untilIdle: false });
    expect(line?.runs[0]?.signal?.aborted).toBe(true);
    expect(line?.closed).toBe(true);
    expect(run.stdout).toMatch(/Stopping: .*\nStopped\.\n$/);
  });

  it("leaves the queue alone with --no-work", async () => {
    const run = await serve(["--home", home, "--port", "0", "--no-work"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.lines[0]?.runs).toEqual([]);
    expect(run.stdout).toContain("not worked here (--no-work)");
  });

  it("stops accepting connections once stopped", async () => {
    let url = "";
    const run = await serve(["--home", home, "--port", "0", "--no-work"], {
      whileUp: async (console) => {
        url = console.url;
      },
    });
    expect(run.exitCode).toBe(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it("says a port in use is in use, and closes the line it opened", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const run = await serve(["--home", home, "--port", String(port)]);
      expect(run.exitCode).toBe(exitCodes.usage);
      expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
      expect(run.stdout).not.toContain("Listening");
      expect(run.lines[0]?.closed).toBe(true);
      // No token was made that nobody was shown.
      expect(await new AccessTokens({ home }).list()).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it("refuses a port that is not one", async () => {
    const run = await serve(["--home", home, "--port", "70000"]);
    expect(run.exitCode).toBe(exitCodes.usage);
    expect(run.stderr).toContain("expected a port from 0 to 65535");
  });

  it("warns that a host other machines reach sends tokens in clear", async () => {
    const run = await serve(["--home", home, "--port", "0", "--no-work", "--host", "0.0.0.0"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toContain("warning: listening on 0.0.0.0");
    expect(run.stderr).toContain("tokens travel in clear over plain HTTP");
    const loopback = await serve(["--home", home, "--port", "0", "--no-work"]);
    expect(loopback.stderr).not.toContain("warning");
  });

  it("serves the dashboard's files when they are built, and says so when they are not", async () => {
    const webRoot = join(folder, "web");
    mkdirSync(webRoot);
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>shopfloor</title>");
    let page = "";
    const built = await serve(["--home", home, "--port", "0", "--no-work"], {
      webRoot,
      whileUp: async ({ url }) => {
        page = await (await fetch(`${url}/items/todo-api-3f9c2a`)).text();
      },
    });
    expect(built.exitCode, built.stderr).toBe(0);
    expect(page).toContain("<title>shopfloor</title>");
    expect(built.stderr).not.toContain("not built");

    let status = 0;
    const bare = await serve(["--home", home, "--port", "0", "--no-work"], {
      whileUp: async ({ url }) => {
        status = (await fetch(`${url}/`)).status;
      },
    });
    expect(status).toBe(404);
    expect(bare.stderr).toContain("the dashboard is not built");
    expect(bare.stderr).toContain("`npm run build`");
  });

  it("with --monitor, runs a cycle at once and shows a breach in full", async () => {
    const run = await serve(["--home", home, "--port", "0", "--monitor", "--interval", "3600"], {
      script: { cycles: [sampleBreachCycle()] },
      upWhen: /Monitor cycle/,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain("Watching the live releases every 3600 s.\n");
    expect(run.stdout).toMatch(/^Monitor cycle 12 at 15:00:00: 2 live releases$/m);
    expect(run.stdout).toContain("SLO test: breach");
    expect(run.lines[0]?.cycles).toHaveLength(1);
  });

  it("with --monitor, shows a quiet cycle as one line", async () => {
    const run = await serve(["--home", home, "--port", "0", "--no-work", "--monitor"], {
      script: { cycles: [sampleWatchingCycle()] },
      upWhen: /Monitor cycle.*\n/,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain("Monitor cycle 11 at 15:00:00: 1 live release, no breach\n");
    expect(run.stdout).not.toContain("SLO test");
    expect(run.stdout).toContain("The fix items a breach opens stay queued (--no-work)");
  });

  it("with --monitor, says once that there is nothing to watch, not at every cycle", async () => {
    const run = await serve(
      ["--home", home, "--port", "0", "--no-work", "--monitor", "--interval", "0.01"],
      {
        script: {
          cycles: [
            sampleCycle(1, []),
            sampleCycle(2, []),
            sampleWatchingCycle(3),
            sampleCycle(4, []),
          ],
        },
        upWhen: /Monitor cycle 4 .*\n/,
      },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout.match(/^Monitor cycle \d+/gm)).toEqual([
      "Monitor cycle 1",
      "Monitor cycle 3",
      "Monitor cycle 4",
    ]);
    expect(run.stdout).toContain(
      "Monitor cycle 4 at 15:00:00: Nothing to watch: no live release.\n",
    );
  });
});
