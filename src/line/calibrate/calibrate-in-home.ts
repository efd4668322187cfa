/**
 * Calibrating from outside the line (the CLI): the factory home opened with the same services the
 * stations use (store, artifacts, ledger, suites, repositories, sandbox and trial executor), one
 * calibration run on them, and the database closed after, even on error.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { closeFactoryDatabase } from "../../store/open-factory-database.js";
import type { FactoryLineOptions } from "../factory-line.js";
import { openLineServices } from "../line-services.js";
import {
  type CalibrationRequest,
  type CalibrationResult,
  calibrateWorkItem,
} from "./calibrate-work-item.js";

export interface HomeCalibration extends CalibrationResult {
  /** Set when the mutants were tested without a sandbox because bubblewrap does not work here: why. */
  sandboxWarning?: string;
}

export async function calibrateInHome(
  options: FactoryLineOptions,
  request: CalibrationRequest,
): Promise<HomeCalibration> {
  const home = resolve(options.home);
  await mkdir(home, { recursive: true, mode: 0o700 });
  const { services, sandboxWarning } = await openLineServices({ ...options, home });
  try {
    const result = await calibrateWorkItem(services, request);
    return { ...result, ...(sandboxWarning === undefined ? {} : { sandboxWarning }) };
  } finally {
    await closeFactoryDatabase(services.database);
  }
}
