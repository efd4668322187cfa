/**
 * Field values for every generator (http, cli, library): realistic valid values, boundary cases with
 * their validity, values of the wrong type, and the conventions' validator that decides what is valid.
 */
export { type BoundaryCase, boundaryCases } from "./boundary-cases.js";
export { codePointLength, isCalendarDate, isValidValue, omitted } from "./is-valid-value.js";
export { typeConfusionValues } from "./type-confusion.js";
export { validValues } from "./valid-values.js";
