/**
 * A whole suite written as one YAML file (`suite:` then `scenarios:`) that `loadSuite` reads back to the
 * same header and scenarios. Lines are never folded; a string a YAML reader (1.2, or 1.1 for dates and
 * yes/no) would read as something else is quoted; a string with an invisible or control character is double-quoted with that character escaped,
 * so a person reviewing the holdout sees it and an editor cannot be tricked by a right-to-left override.
 */
import { Document, visit } from "yaml";
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";

/** A header whose version may be left out: the store hashes a suite without its version. */
export type SuiteHeaderToWrite = Omit<SuiteHeader, "version"> & { version?: string };

export interface SuiteToWrite {
  header: SuiteHeaderToWrite;
  scenarios: readonly Scenario[];
}

// Controls (except the line feed YAML writes itself), format characters (zero-width, bidi overrides,
// BOM), line and paragraph separators, spaces other than U+0020, and lone surrogates.
const invisible = /(?![\n ])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Cs}]/gu;
// Plain text that YAML 1.1 readers (PyYAML, older tools) take for a boolean, a date or a base-60
// number; the yaml package reads YAML 1.2 and would leave it bare.
const yaml11Scalars =
  /^(?:y|yes|n|no|on|off|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|[-+]?\d+(?::[0-5]?\d)+(?:\.\d*)?)$/i;

export function suiteToYaml(suite: SuiteToWrite): string {
  return yamlText({ suite: orderedHeader(suite.header), scenarios: suite.scenarios });
}

/** Any value as YAML written the same way: a scenario shown alone, for instance. */
export function yamlText(value: unknown): string {
  const document = new Document(value);
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value !== "string") return;
      invisible.lastIndex = 0;
      if (invisible.test(node.value) || yaml11Scalars.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  const text = document.toString({ lineWidth: 0, minContentWidth: 0, doubleQuotedAsJSON: true });
  // Every string holding such a character was double-quoted above, so each one left in the text is
  // inside double quotes, where a \u escape means the same character.
  return text.replace(invisible, escapeCharacter);
}

function orderedHeader(header: SuiteHeaderToWrite): Record<string, unknown> {
  const { name, version, ...rest } = header;
  return version === undefined ? { name, ...rest } : { name, version, ...rest };
}

function escapeCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  const hex = codePoint.toString(16).toUpperCase();
  return codePoint > 0xffff ? `\\U${hex.padStart(8, "0")}` : `\\u${hex.padStart(4, "0")}`;
}
