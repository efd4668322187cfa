/**
 * The settings answers built from a config: every profile as the config defines it and the gate resolves
 * it, a suite plan under a saved or unsaved profile, and the errors about a profile told in the terms
 * of the request (`categories.normal.threshold`, not `profiles.strict.categories.normal.threshold`).
 */
import type { Config, ProfileDefinition } from "../../../contracts/config.js";
import { InvalidArgumentError, ShopfloorError } from "../../../contracts/errors.js";
import type { QualityProfile } from "../../../contracts/quality-profile.js";
import { scenarioCategories } from "../../../contracts/scenario-category.js";
import {
  builtInProfiles,
  defaultSuiteSizes,
  planSuite,
  profileNames,
  resolveProfile,
  type SuiteSizes,
} from "../../../gate/index.js";
import { trialsToDemonstrate } from "../../../stats/index.js";
import type { ConsoleSettings } from "../../console-services.js";
import { withoutSelfExtension } from "../../settings/config-file-settings.js";
import type { PlanAnswer, ProfileEntry, ProfilesAnswer } from "./settings-schemas.js";

export function profilesAnswer(settings: ConsoleSettings): ProfilesAnswer {
  const config = settings.config();
  return {
    defaultProfile: config.defaultProfile,
    configPath: settings.path,
    profiles: profileNames(config).map((name) => profileEntry(name, config)),
  };
}

export function profileEntry(name: string, config: Config): ProfileEntry {
  const definition = config.profiles[name];
  const entry = {
    name,
    builtIn: builtInProfiles.some((profile) => profile.name === name),
    definedInConfig: definition !== undefined,
    isDefault: config.defaultProfile === name,
    ...(definition === undefined ? {} : { definition }),
  };
  try {
    const profile = resolveProfile(name, config);
    return { ...entry, profile, categories: categoryGates(profile) };
  } catch (error) {
    // A profile broken by a hand edit is listed with why, so that it can be fixed from here.
    if (!(error instanceof ShopfloorError)) throw error;
    return { ...entry, categories: [], problem: error.message };
  }
}

function categoryGates(profile: QualityProfile): ProfileEntry["categories"] {
  return scenarioCategories.flatMap((category) => {
    const policy = profile.categories[category];
    if (policy === undefined) return [];
    return [
      {
        category,
        threshold: policy.threshold,
        confidence: policy.confidence ?? profile.confidence,
        zeroTolerance: policy.zeroTolerance,
      },
    ];
  });
}

export interface PlanInput {
  profile: string | ProfileDefinition;
  name?: string;
  suite?: Partial<Record<keyof SuiteSizes, number>>;
}

/** The name an unsaved definition is resolved under when the request gives none. */
const unsavedName = "(unsaved)";

/** `shopfloor plan --profile`, for a saved profile or a definition, with each category's trials. */
export function planAnswer(input: PlanInput, config: Config): PlanAnswer {
  const suite = {
    normal: input.suite?.normal ?? defaultSuiteSizes.normal,
    edge: input.suite?.edge ?? defaultSuiteSizes.edge,
    malicious: input.suite?.malicious ?? defaultSuiteSizes.malicious,
  };
  const resolved =
    typeof input.profile === "string"
      ? resolveProfile(input.profile, config)
      : resolveDraft(input.name ?? unsavedName, input.profile, config);
  const plan = planSuite(resolved, suite);
  return {
    ...plan,
    categories: plan.categories.map((category) => ({
      ...category,
      trialsToDemonstrate: trialsToDemonstrate({
        passRate: category.threshold,
        confidence: category.confidence,
      }),
    })),
    suite,
    resolved,
  };
}

function resolveDraft(name: string, definition: ProfileDefinition, config: Config): QualityProfile {
  const draft = withoutSelfExtension(name, definition);
  checkExtends(draft, config, "profile.extends");
  const draftConfig = { ...config, profiles: { ...config.profiles, [name]: draft } };
  try {
    return resolveProfile(name, draftConfig);
  } catch (error) {
    throw inRequestTerms(error, name, "profile");
  }
}

/** An `extends` naming no profile is a mistake in the request (400), not a missing resource (404). */
export function checkExtends(definition: ProfileDefinition, config: Config, field: string): void {
  const base = definition.extends;
  if (base === undefined) return;
  const known = profileNames(config);
  if (!known.includes(base)) {
    throw new InvalidArgumentError(
      `there is no profile "${base}" to extend; known profiles: ${known.join(", ")}`,
      field,
    );
  }
}

/** A config error about profile `name` as an error about the request's `prefix` field. */
export function inRequestTerms(error: unknown, name: string, prefix: string): unknown {
  if (!(error instanceof ShopfloorError) || error.field === undefined) return error;
  const configField = `profiles.${name}`;
  if (error.field !== configField && !error.field.startsWith(`${configField}.`)) return error;
  const rest = error.field.slice(configField.length + 1);
  const field = [prefix, rest].filter((part) => part !== "").join(".");
  return new ShopfloorError(error.code, error.message, {
    field: field === "" ? undefined : field,
    path: error.path,
    line: error.line,
    cause: error,
  });
}
