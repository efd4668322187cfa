/**
 * The settings area's schemas: quality profiles as the config defines them and as the gate resolves
 * them, the default profile, and the planner (a suite under a profile; the trials a pass rate needs).
 * Profile definitions are the config file's own schema, so what the API accepts is what the file holds.
 */
import { z } from "@hono/zod-openapi";
import { ProfileDefinition } from "../../../contracts/config.js";
import { Probability, QualityProfile } from "../../../contracts/quality-profile.js";
import { ScenarioCategory } from "../../../contracts/scenario-category.js";
import type { CategoryPlan, SuitePlan } from "../../../gate/plan-suite.js";
import { namedSchema } from "../named-schema.js";

export const ProfileName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
    "a name of letters, digits, dots, dashes and underscores, such as checkout-strict",
  );

export const ProfileParams = z.strictObject({
  name: ProfileName.openapi({ param: { name: "name", in: "path" }, example: "checkout-strict" }),
});

export const ProfileDefinitionSchema = namedSchema(ProfileDefinition, "ProfileDefinition");

const ResolvedProfile = namedSchema(QualityProfile, "QualityProfile");

/** One category's gate as it applies: the profile's confidence when the category has none of its own. */
const CategoryGate = z.strictObject({
  category: ScenarioCategory,
  threshold: Probability,
  confidence: Probability,
  zeroTolerance: z.boolean(),
});

export const ProfileEntry = z
  .strictObject({
    name: z.string(),
    /** One of shopfloor's own profiles (admin, standard, payments). */
    builtIn: z.boolean(),
    /** The config file defines it (for a built-in one: changes it); such a profile can be deleted. */
    definedInConfig: z.boolean(),
    isDefault: z.boolean(),
    /** What the config file says, when it defines the profile: what an editor starts from. */
    definition: ProfileDefinitionSchema.optional(),
    /** The profile as the gate applies it; absent when it does not resolve (see `problem`). */
    profile: ResolvedProfile.optional(),
    categories: z.array(CategoryGate),
    /** Why the profile does not resolve (a hand edit of the config file), for a person to fix. */
    problem: z.string().optional(),
  })
  .openapi("ProfileEntry");
export type ProfileEntry = z.infer<typeof ProfileEntry>;

export const ProfilesAnswer = z
  .strictObject({
    defaultProfile: z.string(),
    /** The config file the console writes changes to. */
    configPath: z.string(),
    /** Built-in ones first, then the config's in its order. */
    profiles: z.array(ProfileEntry),
  })
  .openapi("Profiles");
export type ProfilesAnswer = z.infer<typeof ProfilesAnswer>;

export const DefaultProfileRequest = z.strictObject({ name: ProfileName });

const SuiteSize = z.int().min(0).max(1_000_000);

export const PlanRequest = z
  .strictObject({
    /** A profile's name, or a definition not saved yet (to see what a threshold costs first). */
    profile: z.union([ProfileName, ProfileDefinitionSchema]),
    /** The name a definition would be saved under: a built-in's name makes it change that built-in. */
    name: ProfileName.optional(),
    /** Scenarios per category; each one left out is the generators' default (100, 50, 30). */
    suite: z
      .strictObject({
        normal: SuiteSize.optional(),
        edge: SuiteSize.optional(),
        malicious: SuiteSize.optional(),
      })
      .optional(),
  })
  .openapi("PlanRequest");

const CategoryPlanSchema = z.strictObject({
  category: ScenarioCategory,
  scenarios: z.int(),
  threshold: Probability,
  confidence: Probability,
  bestLowerBound: z.number(),
  canApprove: z.boolean(),
  /** The most failed scenarios with which the suite still approves; -1 when even a flawless run cannot. */
  failuresTolerated: z.int(),
  scenariosNeeded: z.int(),
  scenariosToAdd: z.int(),
  /** Trials that demonstrate the threshold at the confidence with no failure (= scenariosNeeded). */
  trialsToDemonstrate: z.int(),
}) satisfies z.ZodType<CategoryPlan>;

export const PlanAnswer = z
  .strictObject({
    profile: z.string(),
    categories: z.array(CategoryPlanSchema),
    canApprove: z.boolean(),
    scenariosToAdd: z.int(),
    suite: z.strictObject({ normal: z.int(), edge: z.int(), malicious: z.int() }),
    /** The profile the suite was planned under. */
    resolved: ResolvedProfile,
  })
  .openapi("SuitePlan") satisfies z.ZodType<SuitePlan>;
export type PlanAnswer = z.infer<typeof PlanAnswer>;

export const PlanRateQuery = z.strictObject({
  passRate: z.coerce.number().pipe(Probability),
  confidence: z.coerce.number().pipe(Probability).default(0.95),
  failures: z.coerce.number().int().min(0).max(10_000).default(0),
});

const TrialCount = z.strictObject({ failuresAllowed: z.int(), trials: z.int() });

export const PlanRateAnswer = z
  .strictObject({
    passRate: Probability,
    confidence: Probability,
    failuresAllowed: z.int(),
    /** The fewest trials that demonstrate the pass rate with that many failures. */
    trials: z.int(),
    method: z.literal("clopper-pearson"),
    /** The same for 0 to 3 failures allowed, to compare. */
    alternatives: z.array(TrialCount),
  })
  .openapi("RatePlan");
export type PlanRateAnswer = z.infer<typeof PlanRateAnswer>;
