/**
 * A quality profile as the editor holds it while a person types: percentages as text, and the
 * conversion to the ProfileDefinition the API saves (PUT /api/profiles/{name}) and plans (POST
 * /api/plan). Values the form does not show (method, mode, intake, attempts) stay as the profile's own
 * definition had them, or are inherited through `extends`.
 */
import type { ProfileDefinition } from "../../../../src/contracts/config.js";
import type { QualityProfile } from "../../../../src/contracts/quality-profile.js";
import {
  type ScenarioCategory,
  scenarioCategories,
} from "../../../../src/contracts/scenario-category.js";

export interface CategoryDraft {
  gated: boolean;
  /** Gated by the profile it starts from: a definition can change it but not take it away. */
  inherited: boolean;
  thresholdPercent: string;
  /** Empty: the profile's confidence. */
  confidencePercent: string;
  zeroTolerance: boolean;
}

export interface ProfileDraft {
  name: string;
  /** The definition being edited (an existing user profile), or `{ extends }` for a new one. */
  start: ProfileDefinition;
  description: string;
  confidencePercent: string;
  categories: Record<ScenarioCategory, CategoryDraft>;
  sloErrorPercent: string;
  sloP95LatencyMs: string;
}

/** 0.999 → "99.9", without the float noise of 0.999 × 100. */
export function percentText(probability: number): string {
  return String(Number((probability * 100).toPrecision(12)));
}

/** "99.9" → 0.999; undefined unless strictly between 0 and 100. */
export function probabilityOf(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return undefined;
  const probability = Number((Number(text.trim()) / 100).toPrecision(12));
  return probability > 0 && probability < 1 ? probability : undefined;
}

/**
 * A draft of `profile`'s values that saves as `start` plus the form's values: a user profile's own
 * definition (edit), `{ extends: base }` (a new profile) or `{}` (changing a built-in one, which a
 * config profile of the same name does). Categories the base gates cannot be taken away.
 */
export function draftOf(
  name: string,
  profile: QualityProfile,
  start: ProfileDefinition,
  inheritedCategories: readonly ScenarioCategory[],
): ProfileDraft {
  const categories = {} as Record<ScenarioCategory, CategoryDraft>;
  for (const category of scenarioCategories) {
    const policy = profile.categories[category];
    categories[category] = {
      gated: policy !== undefined,
      inherited: inheritedCategories.includes(category),
      thresholdPercent: policy === undefined ? "" : percentText(policy.threshold),
      confidencePercent: policy?.confidence === undefined ? "" : percentText(policy.confidence),
      zeroTolerance: policy?.zeroTolerance ?? false,
    };
  }
  return {
    name,
    start,
    description: profile.description,
    confidencePercent: percentText(profile.confidence),
    categories,
    sloErrorPercent: percentText(profile.slo.errorRate),
    sloP95LatencyMs: String(profile.slo.p95LatencyMs),
  };
}

export type DraftProblems = Partial<Record<string, string>>;

export interface DraftCheck {
  definition: ProfileDefinition | undefined;
  /** By field: `name`, `confidence`, `normal.threshold`, `slo.errorRate`… */
  problems: DraftProblems;
}

/** The server's rule for a profile's name (settings-schemas.ts ProfileName). */
const profileNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Whether the server takes `name` as a profile's name. */
export function isProfileName(name: string): boolean {
  return profileNamePattern.test(name);
}

/** What is wrong with a new profile's name, if anything. */
export function nameProblem(name: string, taken: readonly string[]): string | undefined {
  if (!profileNamePattern.test(name.trim())) {
    return "letters, digits, dots, dashes and underscores, such as checkout-strict";
  }
  if (taken.includes(name.trim())) return `there is a profile "${name.trim()}" already`;
  return undefined;
}

/** The definition the draft makes (the name is checked apart: the planner needs none). */
export function definitionOf(draft: ProfileDraft): DraftCheck {
  const problems: DraftProblems = {};
  const between = "a percentage between 0 and 100, such as 99.5";
  const confidence = probabilityOf(draft.confidencePercent);
  if (confidence === undefined) problems.confidence = between;
  const categories: NonNullable<ProfileDefinition["categories"]> = {};
  for (const category of scenarioCategories) {
    const policy = draft.categories[category];
    if (!policy.gated) continue;
    const threshold = probabilityOf(policy.thresholdPercent);
    if (threshold === undefined) problems[`${category}.threshold`] = between;
    const own = policy.confidencePercent.trim();
    const categoryConfidence = own === "" ? undefined : probabilityOf(own);
    if (own !== "" && categoryConfidence === undefined) {
      problems[`${category}.confidence`] = `${between}, or empty for the profile's`;
    }
    categories[category] = {
      ...(threshold === undefined ? {} : { threshold }),
      ...(categoryConfidence === undefined ? {} : { confidence: categoryConfidence }),
      zeroTolerance: policy.zeroTolerance,
    };
  }
  if (Object.keys(categories).length === 0) problems.categories = "gate at least one category";
  const errorRate = probabilityOf(draft.sloErrorPercent);
  if (errorRate === undefined) problems["slo.errorRate"] = between;
  const p95LatencyMs = Number(draft.sloP95LatencyMs.trim());
  const latencyValid =
    draft.sloP95LatencyMs.trim() !== "" && Number.isFinite(p95LatencyMs) && p95LatencyMs > 0;
  if (!latencyValid) problems["slo.p95LatencyMs"] = "milliseconds above 0, such as 500";
  if (Object.keys(problems).length > 0) return { definition: undefined, problems };
  return {
    definition: {
      ...draft.start,
      description: draft.description,
      confidence,
      categories,
      slo: { errorRate, p95LatencyMs },
    },
    problems,
  };
}
