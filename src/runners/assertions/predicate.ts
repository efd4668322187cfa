/**
 * `predicate: checks/has-id.mjs` — a JS module of the suite whose default export gets the step's view and
 * its observation and returns true (pass), a string (the reason it failed) or false, possibly as a
 * promise. Each module is imported once; a module that cannot be loaded or that throws is a failure
 * message, never an exception out of the assertion engine.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Observation } from "../../contracts/observation.js";
import { errorText } from "../../scenarios/compiled.js";
import { observationView } from "../../scenarios/observation-view.js";
import { preview } from "../../scenarios/preview.js";

type Predicate = (view: Record<string, unknown>, observation: Observation) => unknown;

const modules = new Map<string, Promise<Predicate | string>>();

export async function checkPredicate(
  modulePath: string,
  observation: Observation,
  suiteFolder: string,
): Promise<string | undefined> {
  const predicate = await loadPredicate(resolve(suiteFolder, modulePath));
  if (typeof predicate === "string") return `predicate ${modulePath}: ${predicate}`;
  let verdict: unknown;
  try {
    verdict = await predicate(observationView(observation), observation);
  } catch (error) {
    return `predicate ${modulePath} threw: ${errorText(error)}`;
  }
  if (verdict === true) return undefined;
  if (typeof verdict === "string" && verdict !== "") return `predicate ${modulePath}: ${verdict}`;
  if (verdict === false) return `predicate ${modulePath} returned false`;
  return `predicate ${modulePath} returned ${preview(verdict)}; a predicate returns true, false or a reason`;
}

function loadPredicate(absolutePath: string): Promise<Predicate | string> {
  let loaded = modules.get(absolutePath);
  if (loaded === undefined) {
    loaded = importPredicate(absolutePath);
    modules.set(absolutePath, loaded);
  }
  return loaded;
}

async function importPredicate(absolutePath: string): Promise<Predicate | string> {
  let module: unknown;
  try {
    module = await import(pathToFileURL(absolutePath).href);
  } catch (error) {
    return `cannot load ${absolutePath}: ${errorText(error)}`;
  }
  const exported: unknown =
    typeof module === "object" && module !== null ? Reflect.get(module, "default") : undefined;
  if (typeof exported !== "function") return "the module has no default export function";
  return (view, observation) => Reflect.apply(exported, undefined, [view, observation]);
}
