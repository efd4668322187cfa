/**
 * Test support: a `describe` whose tests need a working bubblewrap. Without one they are skipped with a
 * message that says how to install it, except in CI (`CI=true`), where a missing sandbox must fail the
 * build rather than silently stop testing it.
 */
import { describe, it } from "vitest";
import { sandboxUnavailableReason } from "../../src/runners/sandbox/select-sandbox.js";

export function describeWithBubblewrap(name: string, body: () => void): void {
  describe(name, async () => {
    const reason = await sandboxUnavailableReason();
    if (reason === undefined) return body();
    const message = `needs bubblewrap (${reason}); install it with \`sudo apt-get install bubblewrap\``;
    if (process.env.CI === "true") {
      it(`fails in CI: ${message}`, () => {
        throw new Error(`bubblewrap must work in CI: ${message}`);
      });
      return;
    }
    it.skip(message, () => undefined);
  });
}
