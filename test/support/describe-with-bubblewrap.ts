/**
 * Test support: a `describe` whose tests need a working bubblewrap. Without one, a single test fails with a
 * message that says how to install it: the sandbox is what keeps untrusted code off the machine, so its tests
 * never silently stop running, in CI or on a laptop.
 */
import { describe, it } from "vitest";
import { sandboxUnavailableReason } from "../../src/runners/sandbox/select-sandbox.js";

export function describeWithBubblewrap(name: string, body: () => void): void {
  describe(name, async () => {
    const reason = await sandboxUnavailableReason();
    if (reason === undefined) return body();
    it("needs a working bubblewrap", () => {
      throw new Error(
        `bubblewrap does not work here (${reason}); install it with \`sudo apt-get install bubblewrap\``,
      );
    });
  });
}
