/**
 * Test support for the function pool: the fixture modules, and pools that are closed after each test so
 * no worker process outlives it.
 */
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import {
  FunctionPool,
  type FunctionPoolOptions,
} from "../../src/runners/function/function-pool.js";
import { DirectSandbox } from "./direct-sandbox.js";

export const functionFixtures = fileURLToPath(
  new URL("../fixtures/function-modules/", import.meta.url),
);
export const mathModule = `${functionFixtures}math.mjs`;

/** Returns a factory of pools (a direct sandbox, the fixtures as work directory) closed after each test. */
export function closedAfterEachTest(defaults: Partial<FunctionPoolOptions> = {}) {
  const pools: FunctionPool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
  });
  return (options: Partial<FunctionPoolOptions> = {}): FunctionPool => {
    const pool = new FunctionPool({
      sandbox: new DirectSandbox(),
      size: 2,
      workDirectory: functionFixtures,
      ...defaults,
      ...options,
    });
    pools.push(pool);
    return pool;
  };
}
