/**
 * Test support: a `describe` whose tests drive the dashboard in Debian's chromium. In CI (`CI` set) a
 * missing or broken chromium is a failing test, since `.ci/run` installs it and the dashboard's end-to-end
 * test must never silently stop running there; on a laptop without it, the tests are skipped with a
 * message that says how to install it.
 */
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { describe, it } from "vitest";

export const chromiumPath = "/usr/bin/chromium";

const installHint = "install it with `sudo apt-get install chromium`";

export function describeWithChromium(name: string, body: () => void): void {
  describe(name, async () => {
    const reason = await chromiumUnavailableReason();
    if (reason === undefined) return body();
    const message = `chromium does not work here (${reason}); ${installHint}`;
    if (runsInContinuousIntegration(process.env)) {
      it("needs a working chromium", () => {
        throw new Error(message);
      });
      return;
    }
    console.warn(`skipping "${name}": ${message}`);
    it.skip(`needs a working chromium: ${message}`);
  });
}

/** Why chromium cannot be started (for the skip or failure message), or undefined when it can. */
export async function chromiumUnavailableReason(
  executable = chromiumPath,
): Promise<string | undefined> {
  try {
    accessSync(executable, constants.X_OK);
  } catch {
    return `there is no executable ${executable}`;
  }
  return new Promise((resolve) => {
    execFile(executable, ["--version"], { timeout: 20_000 }, (error, stdout) => {
      if (error !== null) resolve(`\`${executable} --version\` failed: ${error.message}`);
      else if (!/chromium/i.test(stdout)) resolve(`\`${executable} --version\` said "${stdout}"`);
      else resolve(undefined);
    });
  });
}

/** `CI=true` (GitHub Actions, GitLab, `.ci/run` callers); unset, empty, `0` or `false` is a laptop. */
export function runsInContinuousIntegration(environment: NodeJS.ProcessEnv): boolean {
  const value = environment.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}
