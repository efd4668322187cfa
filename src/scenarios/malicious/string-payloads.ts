/**
 * Every hostile string with its family, what it probes, and where it can travel (a command line, an HTTP
 * header), derived from the value so that the flags can never be wrong.
 */
import { injectionStrings } from "./injection-strings.js";
import { naughtyStrings } from "./naughty-strings.js";
import { type CataloguedString, type PayloadFamily, payloadFamilies } from "./payload-family.js";
import { payloadSafety } from "./payload-safety.js";

export interface StringPayload {
  family: PayloadFamily;
  value: string;
  note: string;
  argvSafe: boolean;
  headerSafe: boolean;
}

function catalogueOf(family: PayloadFamily): readonly CataloguedString[] {
  return family === "naughty-string" ? naughtyStrings : injectionStrings[family];
}

export const stringPayloads: readonly StringPayload[] = payloadFamilies.flatMap((family) =>
  catalogueOf(family).map(([value, note]) => ({ family, value, note, ...payloadSafety(value) })),
);

/** The payloads of one family, in catalogue order. */
export function payloadsOf(family: PayloadFamily): StringPayload[] {
  return stringPayloads.filter((payload) => payload.family === family);
}
