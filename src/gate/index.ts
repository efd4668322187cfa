export * from "./built-in-profiles.js";
export * from "./criteria-evidence.js";
export * from "./evaluate-gate.js";
export * from "./percent.js";
export * from "./plan-suite.js";
export * from "./resolve-profile.js";
export * from "./scenario-outcomes.js";
