/**
 * What the deploy station and the monitor are given: the configured deploy target (made on first use:
 * the local one starts the host daemon then), and the sandbox probes' step runners are built with.
 */
import type { DeployTarget } from "../../deploy/deploy-target.js";
import type { Sandbox } from "../../runners/sandbox/sandbox.js";

export interface LineDeployment {
  target(): Promise<DeployTarget>;
  /** Lets go of the target's connections if it was made (its releases keep running). */
  close(): Promise<void>;
  sandbox: Sandbox;
}

/** A target made once, when first asked for, and closed only if it was made. */
export function lazyDeployTarget(create: () => Promise<DeployTarget>): {
  target(): Promise<DeployTarget>;
  close(): Promise<void>;
} {
  let made: Promise<DeployTarget> | undefined;
  return {
    target: () => {
      made ??= create();
      return made;
    },
    close: async () => {
      if (made !== undefined) await (await made).close();
    },
  };
}
