/** The function runner: a pool of sandboxed worker processes that call exports of modules under test. */
export {
  abortedErrorName,
  crashedErrorName,
  killedErrorName,
  timeoutErrorName,
} from "./call-observation.js";
export { FunctionPoolClosedError, FunctionWorkerStartError } from "./errors.js";
export { FunctionPool, type FunctionPoolOptions } from "./function-pool.js";
export { encodeFunctionValue, type JsonValue } from "./function-value.js";
export type { SpawnFunction } from "./function-worker.js";
export type { FunctionCallRequest } from "./pending-call.js";
