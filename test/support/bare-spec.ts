/** Test support: a spec with only a name and a kind, for tests about models and generators. */
import type { Spec, SpecKind } from "../../src/contracts/spec.js";

export function bareSpec(name: string, kind: SpecKind, rest: Partial<Spec> = {}): Spec {
  return {
    source: `${name}.md`,
    hash: "h",
    frontMatter: { name, kind },
    title: name,
    prose: [],
    criteria: [],
    ...rest,
  };
}
