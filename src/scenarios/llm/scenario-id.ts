/**
 * Ids of LLM-written scenarios: `llm/<category>/<slug of the title>`, made unique against every id
 * already taken by appending `-2`, `-3`… A trial result names its scenario by id, so no two may share one.
 */

const maximumSlugLength = 60;

/** `Rejects a title of 201 characters!` → `rejects-a-title-of-201-characters`. */
export function slugOf(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maximumSlugLength)
    .replace(/-+$/, "");
  return slug === "" ? "scenario" : slug;
}

/** Takes a new id for the title and records it in `taken`. */
export function takeScenarioId(category: string, title: string, taken: Set<string>): string {
  const base = scenarioIdBase(category, title);
  let id = base;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
  taken.add(id);
  return id;
}

/** The id before it is made unique: good enough to validate a scenario before it is kept. */
export function scenarioIdBase(category: string, title: string): string {
  return `llm/${slugOf(category)}/${slugOf(title)}`;
}
