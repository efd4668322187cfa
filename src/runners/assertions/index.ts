/** The assertion engine: a step's assertions, and the robustness checks of edge and malicious scenarios. */
export type { AssertionContext } from "./assertion-context.js";
export { checkAssertions } from "./check-assertions.js";
export { type RobustnessOptions, robustnessFailures } from "./robustness.js";
