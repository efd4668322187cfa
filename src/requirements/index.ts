/** Specs: reading the Markdown a person writes into the `Spec` contract (docs/specs.md). */
export { expressionConstants, expressionProblem } from "./expression-check.js";
export { type LoadSpecOptions, loadSpec } from "./load-spec.js";
export { type OpenApiDocuments, openApiModel } from "./openapi-model.js";
export { type ParseSpecOptions, parseSpec } from "./parse-spec.js";
