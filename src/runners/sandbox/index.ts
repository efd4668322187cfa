/** The sandbox port and its adapters: what the runner starts untrusted code through. */
export type { BubblewrapSandboxDependencies } from "./bubblewrap-sandbox.js";
export { BubblewrapSandbox } from "./bubblewrap-sandbox.js";
export { signalOfExitCode } from "./exit-signal.js";
export type { SandboxUser } from "./limit-wrapper.js";
export type { NoSandboxDependencies } from "./no-sandbox.js";
export { NoSandbox } from "./no-sandbox.js";
export type { BubblewrapProbe } from "./probe-bubblewrap.js";
export { probeBubblewrap } from "./probe-bubblewrap.js";
export type { CompletedRun, RunOptions } from "./run-to-completion.js";
export { runToCompletion } from "./run-to-completion.js";
export type {
  Endpoint,
  Sandbox,
  SandboxedCommand,
  SandboxLimits,
  SandboxRequest,
} from "./sandbox.js";
export { defaultSandboxLimits } from "./sandbox.js";
export { SandboxPathError, SandboxUnavailableError } from "./sandbox-errors.js";
export type { SandboxSelection } from "./select-sandbox.js";
export { sandboxUnavailableReason, selectSandbox } from "./select-sandbox.js";
