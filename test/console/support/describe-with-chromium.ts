/**
 * Test support: a `describe` whose tests drive the dashboard in Debian's chromium. Without a working
 * chromium, a single test fails with a message that says how to install it: the dashboard's end-to-end
 * test never silently stops running, in CI (where `.ci/run` installs it) or on a laptop, as
 * bubblewrap's tests do.
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
    it("needs a working chromium", () => {
      throw new Error(`chromium does not work here (${reason}); ${installHint}`);
    });
  });
}

/** Why chromium cannot be started (for the failure message), or undefined when it can. */
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
