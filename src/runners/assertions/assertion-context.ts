/** What assertions need beyond the observation: where the suite lives, for predicate modules. */
export interface AssertionContext {
  /** Absolute; predicate paths are relative to it. */
  suiteFolder: string;
}
