/**
 * Specs as the API receives them, as text: the requirements lint of one (the deterministic rules, as the
 * intake station runs them when no model is configured for `lint`; a read-only route spends no money on
 * a model), and the rule that a spec or profile the line refuses is the request's fault (400, naming
 * the request's field) rather than a missing resource.
 */
import type { Config } from "../../../contracts/config.js";
import { ShopfloorError } from "../../../contracts/errors.js";
import { InvalidInputError } from "../../../contracts/invalid-input.js";
import type { LintReport } from "../../../contracts/lint.js";
import { defaultIntakeMinimumScore } from "../../../contracts/quality-profile.js";
import { resolveProfile, UnknownProfileError } from "../../../gate/resolve-profile.js";
import { lintSpec } from "../../../requirements/lint/lint-spec.js";
import { parseSpec } from "../../../requirements/parse-spec.js";

/**
 * The lint report of a spec's text under the profile's intake minimum (the profile asked for, else the
 * spec's, else the config's default). An OpenAPI document beside the spec cannot be read: there is none.
 */
export async function lintSpecText(
  config: Config,
  name: string,
  text: string,
  profile: string | undefined,
): Promise<LintReport> {
  try {
    const spec = await parseSpec(text, name);
    const profileName = profile ?? spec.frontMatter.profile ?? config.defaultProfile;
    const minimumScore =
      resolveProfile(profileName, config).intake?.minimumScore ?? defaultIntakeMinimumScore;
    return lintSpec(spec, { minimumScore, markdown: text });
  } catch (error) {
    return asRequestFault(error, "spec");
  }
}

/** Rethrows what the line refused as a fault of the request field that carried it. */
export function asRequestFault(error: unknown, specField: string): never {
  if (error instanceof UnknownProfileError) {
    throw new ShopfloorError("invalid-argument", error.message, { field: "profile", cause: error });
  }
  if (error instanceof InvalidInputError) {
    throw new ShopfloorError("invalid-input", error.message, { field: specField, cause: error });
  }
  if (error instanceof ShopfloorError && error.field === "clarifiedSpecPath") {
    throw new ShopfloorError(error.code, error.message, { field: "clarifiedSpec", cause: error });
  }
  throw error;
}
