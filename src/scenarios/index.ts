/** Scenario suites: loading and validating them, and the templates, paths and views steps use. */
export { assertionName, assertionNames, assertionNamesByKind } from "./assertion-names.js";
export { type CaptureResult, captureValues } from "./capture.js";
export { type CompiledExpression, compileViewExpression } from "./expression.js";
export { InvalidSuiteError, type SuiteProblem } from "./invalid-suite-error.js";
export { type LoadSuiteOptions, loadSuite } from "./load-suite.js";
export {
  lookUpViewPath,
  type ObservationView,
  observationView,
  parseViewPath,
  viewNames,
} from "./observation-view.js";
export {
  findPlaceholders,
  renderTemplate,
  TemplateError,
  type TrialFacts,
  trialVariables,
} from "./template.js";
export { InvalidPathError, lookUpPath, parsePath, readPath } from "./value-path.js";
