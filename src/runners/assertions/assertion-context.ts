/** What assertions need beyond the observation: where the suite lives, and a judge for `llmJudge`. */
export interface AssertionContext {
  /** Absolute; predicate paths are relative to it. */
  suiteFolder: string;
  /** Absent when no model is configured: an `llmJudge` assertion then cannot be checked. */
  judge?: ResponseJudge;
}

/** The port of the `llmJudge` assertion: a language model's reading of one step's result. */
export interface ResponseJudge {
  judge(request: JudgeRequest, signal?: AbortSignal): Promise<JudgeVerdict>;
}

export interface JudgeRequest {
  /** The natural-language expectation written in the suite. */
  expectation: string;
  /** What the step sent and observed, as text a model reads (the request, status, headers, body). */
  observation: string;
}

export interface JudgeVerdict {
  pass: boolean;
  /** Why, in a sentence: shown as the failure message when it does not pass. */
  reason: string;
}
