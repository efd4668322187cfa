/**
 * When two scenarios are the same test: the same category and the same steps, whatever their ids, titles,
 * tags or covered criteria. Canonical JSON (keys sorted) makes the comparison independent of key order.
 */
import type { Scenario } from "../../contracts/scenario.js";

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function scenarioKey(scenario: Scenario): string {
  return canonicalJson({ category: scenario.category, steps: scenario.steps });
}

/** The first item of every list, then the second of every list, and so on. */
export function interleave<Item>(lists: readonly (readonly Item[])[]): Item[] {
  const longest = Math.max(0, ...lists.map((list) => list.length));
  const items: Item[] = [];
  for (let index = 0; index < longest; index += 1) {
    for (const list of lists) {
      if (index < list.length) items.push(list[index] as Item);
    }
  }
  return items;
}
