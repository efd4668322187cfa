/**
 * Test support: the factory home the dashboard's end-to-end test serves. The line-up is the offline
 * scaffold agent with a labelled fault injected into every item's first build (the demo's
 * `drop-validation`, which the inventory service's holdout suite catches), and deploys are on with the
 * local target. So under the built-in `admin` profile an inventory item is sent back by the gate, rebuilt
 * and goes live; under `one-shot` (one attempt) the same fault leaves it in the exception queue.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repositoryRoot } from "../../line/support-integration/shopfloor-process.js";

/** The profile under which a build the gate sends back waits for a person. */
export const oneShotProfile = "one-shot";

const config = `# The dashboard end-to-end test's factory (test/console/support/dashboard-factory.ts).
profiles:
  ${oneShotProfile}:
    extends: admin
    description: One build and no regeneration; a build the gate sends back waits for a person.
    maxAttempts: 1
line:
  lineUp:
    pattern: single
    agent:
      agent: scaffold
      # The demo's fault (src/cli/commands/demo/demo-examples.ts): attempt 1 of the inventory service
      # loses a validation its edge scenarios check.
      faults: { probability: 1, seed: 8, attempts: [1], kinds: [drop-validation] }
deploy:
  enabled: true
  target: { kind: local, basePort: 0 }
`;

export interface DashboardFactory {
  home: string;
  /** The inventory service's spec (examples/inventory-api/spec.md), as a manager would paste it. */
  inventorySpec: string;
  remove(): void;
}

export function createDashboardFactory(): DashboardFactory {
  const home = mkdtempSync(join(tmpdir(), "shopfloor-dashboard-"));
  writeFileSync(join(home, "config.yaml"), config);
  return {
    home,
    inventorySpec: readFileSync(join(repositoryRoot, "examples/inventory-api/spec.md"), "utf8"),
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}
