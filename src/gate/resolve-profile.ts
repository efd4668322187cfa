/**
 * Finding the profile a gate runs under: the user's own profiles from the config first, then the built-in
 * ones. A config profile may `extend` another and change only some values.
 */
import {
  type CategoryPolicy,
  type Config,
  type ProfileDefinition,
  QualityProfile,
  type ScenarioCategory,
  ShopfloorError,
  scenarioCategories,
} from "../contracts/index.js";
import { builtInProfiles } from "./built-in-profiles.js";

export class UnknownProfileError extends ShopfloorError {
  constructor(name: string, known: readonly string[]) {
    super("not-found", `unknown quality profile "${name}"; known profiles: ${known.join(", ")}`, {
      field: "profile",
    });
    this.name = "UnknownProfileError";
  }
}

export function profileNames(config: Config): string[] {
  return [
    ...new Set([
      ...builtInProfiles.map((profile) => profile.name),
      ...Object.keys(config.profiles),
    ]),
  ];
}

export function resolveProfile(name: string, config: Config): QualityProfile {
  return resolve(name, config, []);
}

function resolve(name: string, config: Config, seen: readonly string[]): QualityProfile {
  if (seen.includes(name)) {
    throw new ShopfloorError(
      "invalid-config",
      `profile "${name}" extends itself: ${[...seen, name].join(" → ")}`,
      {
        field: `profiles.${name}.extends`,
      },
    );
  }
  const definition = config.profiles[name];
  const builtIn = builtInProfiles.find((profile) => profile.name === name);
  if (!definition) {
    if (builtIn) return builtIn;
    throw new UnknownProfileError(name, profileNames(config));
  }
  // A config profile named like a built-in one changes that built-in profile unless it says otherwise.
  const base = definition.extends ? resolve(definition.extends, config, [...seen, name]) : builtIn;
  return applyDefinition(name, definition, base);
}

function applyDefinition(
  name: string,
  definition: ProfileDefinition,
  base: QualityProfile | undefined,
): QualityProfile {
  const categories: Partial<Record<ScenarioCategory, Partial<CategoryPolicy>>> = {};
  for (const category of scenarioCategories) {
    const policy = { ...base?.categories[category], ...definition.categories?.[category] };
    if (Object.keys(policy).length > 0) categories[category] = policy;
  }
  const merged = {
    name,
    description: definition.description ?? base?.description,
    confidence: definition.confidence ?? base?.confidence,
    method: definition.method ?? base?.method,
    mode: definition.mode ?? base?.mode,
    intake: definition.intake ?? base?.intake,
    maxAttempts: definition.maxAttempts ?? base?.maxAttempts,
    maxTrialRounds: definition.maxTrialRounds ?? base?.maxTrialRounds,
    slo: { ...base?.slo, ...definition.slo },
    categories,
  };
  const parsed = QualityProfile.safeParse(merged);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = `profiles.${name}.${issue?.path.join(".") ?? ""}`;
  throw new ShopfloorError(
    "invalid-config",
    `profile "${name}": field "${field}": ${issue?.message}`,
    { field },
  );
}
