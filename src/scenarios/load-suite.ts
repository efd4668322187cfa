/**
 * Loading a scenario suite from one file or a folder of files, validated against the contract and the
 * suite's target kind. Every problem of every file is collected before anything is thrown, each naming
 * its file, line and field: `suites/todo/crud.yaml:14: field "scenarios[2].steps[0].request.method": …`.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
import { ShopfloorError } from "../contracts/errors.js";
import type { Suite } from "../contracts/scenario.js";
import { InvalidSuiteError } from "./invalid-suite-error.js";
import { ProblemList } from "./problem-list.js";
import {
  type LocatedScenario,
  readFileParts,
  readScenarios,
  type SuiteFileRole,
} from "./read-suite-file.js";
import { parseSourceDocument, type SourceDocument } from "./source-document.js";
import { checkCoveredCriteria, checkPredicatesExist, checkUniqueIds } from "./suite-checks.js";
import { findSuiteFiles } from "./suite-files.js";

export interface LoadSuiteOptions {
  /** Files are shown relative to it in messages when they are inside it; default: the process's. */
  workingDirectory?: string;
}

export async function loadSuite(path: string, options: LoadSuiteOptions = {}): Promise<Suite> {
  const files = await findSuiteFiles(path);
  const workingDirectory = options.workingDirectory ?? process.cwd();
  const problems = new ProblemList();
  const read = (file: string) => readSource(file, displayPath(file, workingDirectory), problems);

  const suiteDocument = await read(files.suiteFile);
  const suiteRole: SuiteFileRole = files.form === "file" ? "whole-suite" : "suite-file";
  const suiteParts = suiteDocument ? readFileParts(suiteDocument, suiteRole, problems) : undefined;
  const header = suiteParts?.header;
  const scenarios: LocatedScenario[] = [];
  if (suiteDocument && suiteParts && header) {
    scenarios.push(...readScenarios(suiteDocument, suiteParts.scenarios, header, problems));
  }
  for (const file of files.scenarioFiles) {
    const document = await read(file);
    if (document === undefined) continue;
    const parts = readFileParts(document, "scenario-file", problems);
    if (header) scenarios.push(...readScenarios(document, parts.scenarios, header, problems));
  }
  checkUniqueIds(scenarios, problems);
  checkCoveredCriteria(scenarios, header?.criteria, problems);
  await checkPredicatesExist(scenarios, files.folder, problems);
  if (problems.isEmpty && scenarios.length === 0 && suiteDocument) {
    problems.addAt(suiteDocument, {
      path: ["scenarios"],
      message: "a suite has at least one scenario",
    });
  }
  if (!problems.isEmpty || header === undefined)
    throw new InvalidSuiteError(path, problems.sorted());
  return { header, scenarios: scenarios.map((located) => located.scenario), folder: files.folder };
}

async function readSource(
  file: string,
  shownAs: string,
  problems: ProblemList,
): Promise<SourceDocument | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ShopfloorError("io-error", `cannot read ${shownAs}: ${String(error)}`, {
      path: shownAs,
      cause: error,
    });
  }
  const parsed = parseSourceDocument(text, shownAs);
  if (parsed.ok) return parsed.document;
  problems.add({
    file: shownAs,
    line: parsed.problem.line,
    field: "(syntax)",
    message: parsed.problem.message,
  });
  return undefined;
}

function displayPath(file: string, workingDirectory: string): string {
  const shown = relative(workingDirectory, file);
  return shown.startsWith("..") || isAbsolute(shown) ? file : shown;
}
