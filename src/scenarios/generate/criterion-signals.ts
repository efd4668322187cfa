/**
 * What a criterion's words say about the scenarios that show it, for the coverage heuristic: the
 * entities, fields and actions it names (compared by word stems: "reserving" names `reserve`), the
 * operations its verbs mean, and the aspects and payload families its keywords and status codes mean.
 */

export interface Signals {
  subjects: Set<string>;
  operations: Set<string>;
  aspects: Set<string>;
  families: Set<string>;
}

/** A rough stem: lower case, without a plural or verb ending, so "todos", "reserving" find their names. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length > 4 && lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
  for (const suffix of ["ing", "ed", "es", "s", "e"]) {
    if (lower.endsWith(suffix) && lower.length - suffix.length >= 3)
      return lower.slice(0, -suffix.length);
  }
  return lower;
}

/** The words of a name: `dueDate` and `due_date` are "due" and "date". */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map(stem);
}

const operationWords: Record<string, string[]> = {
  create: ["create", "add", "new", "post", "register", "201"],
  read: ["read", "get", "fetch", "view", "retriev", "show", "look"],
  list: ["list", "all", "brows"],
  update: ["update", "chang", "edit", "renam", "mark", "modify", "patch"],
  delete: ["delet", "remov", "destroy", "204"],
};

const aspectWords: Record<string, string[]> = {
  validation: [
    "invalid",
    "reject",
    "refus",
    "validat",
    "400",
    "422",
    "too long",
    "too short",
    "at most",
    "at least",
    "between",
    "required",
    "must",
    "malformed",
    "wrong type",
  ],
  "not-found": ["404", "not found", "exist", "unknown", "nonexist"],
  conflict: ["409", "unique", "duplicat", "conflict", "already", "twice", "same"],
  unique: ["unique", "duplicat"],
  oversized: ["413", "too large", "larger", "bigger", "size", "byte", "kib"],
  "malformed-json": ["valid json", "malformed", "pars"],
  "round-trip": [
    "exactly as",
    "as sent",
    "as written",
    "stored",
    "read back",
    "returned",
    "kept",
    "keep",
  ],
  effect: ["effect", "rais", "lower", "increas", "decreas", "reduc"],
  pagination: ["page", "limit", "paginat"],
  default: ["default"],
  injection: [
    "injection",
    "malicious",
    "script",
    "sql",
    "xss",
    "html",
    "escap",
    "hostile",
    "attack",
  ],
  "prototype-pollution": ["prototype", "__proto__", "pollut"],
  "wrong-content-type": ["415", "content type", "content-typ", "application/json"],
  "header-abuse": ["header"],
  health: ["health"],
  rule: ["rule", "allow", "enough", "exceed", "insufficient", "only if", "cannot"],
};

const familyWords: Record<string, string[]> = {
  "sql-injection": ["sql"],
  "nosql-injection": ["nosql", "mongo"],
  xss: ["xss", "script", "html"],
  "path-traversal": ["travers", "../"],
  "shell-injection": ["shell", "command injection"],
  "template-injection": ["template"],
  "prototype-pollution": ["prototype", "__proto__"],
};

function matching(
  text: string,
  stems: readonly string[],
  table: Record<string, string[]>,
): Set<string> {
  const found = new Set<string>();
  for (const [name, keywords] of Object.entries(table)) {
    const hit = keywords.some((keyword) =>
      keyword.includes(" ") || /[^a-z]/.test(keyword)
        ? text.includes(keyword)
        : stems.some((word) => word.startsWith(keyword)),
    );
    if (hit) found.add(name);
  }
  return found;
}

/** The signals of a criterion, given the names (entities, fields, actions, paths) the suite's tags use. */
export function criterionSignals(text: string, names: ReadonlyMap<string, string>): Signals {
  const lower = text.toLowerCase();
  const stems = lower
    .split(/[^a-z0-9_/.]+/)
    .filter((word) => word !== "")
    .map(stem);
  const subjects = new Set<string>();
  for (const [tag, name] of names) {
    const words = nameWords(name);
    const pathHit = name.startsWith("/") && lower.includes(name.toLowerCase());
    const wordHit = words.length > 0 && words.every((word) => stems.includes(word));
    if (pathHit || wordHit) subjects.add(tag);
  }
  return {
    subjects,
    operations: matching(lower, stems, operationWords),
    aspects: matching(lower, stems, aspectWords),
    families: matching(lower, stems, familyWords),
  };
}
