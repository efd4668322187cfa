/**
 * Picks the sandbox for a run: bubblewrap when it works; the unisolated `none` sandbox only when the user
 * passed `--no-sandbox`; otherwise an error that says how to install bubblewrap and what `--no-sandbox` costs.
 */
import { BubblewrapSandbox } from "./bubblewrap-sandbox.js";
import { NoSandbox } from "./no-sandbox.js";
import { type BubblewrapProbe, probeBubblewrapOnce } from "./probe-bubblewrap.js";
import type { Sandbox } from "./sandbox.js";
import { SandboxUnavailableError } from "./sandbox-errors.js";

export interface SandboxSelection {
  /** True when the user passed `--no-sandbox`. */
  allowUnsandboxed: boolean;
  /** Says why bubblewrap does not work, or undefined when it does; probed once per process by default. */
  probe?: BubblewrapProbe;
}

export async function selectSandbox(selection: SandboxSelection): Promise<Sandbox> {
  const reason = await (selection.probe ?? probeBubblewrapOnce)();
  if (reason === undefined) return new BubblewrapSandbox();
  if (selection.allowUnsandboxed) return new NoSandbox();
  throw new SandboxUnavailableError(reason);
}

/** Why bubblewrap cannot be used here (for a test-skip message), or undefined when it can. */
export function sandboxUnavailableReason(): Promise<string | undefined> {
  return probeBubblewrapOnce();
}
