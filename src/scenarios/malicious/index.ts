/**
 * The malicious-input corpus: curated hostile strings, JSON values, raw bodies and headers that the
 * malicious scenarios send. Our own data, well-known probes, no library.
 */
export { type HeaderAbuse, headerAbuses } from "./header-abuses.js";
export { oversizedText } from "./oversized-text.js";
export { type PayloadFamily, payloadFamilies } from "./payload-family.js";
export { type PayloadSafety, payloadSafety } from "./payload-safety.js";
export { type RawBody, rawBodies } from "./raw-bodies.js";
export { payloadsOf, type StringPayload, stringPayloads } from "./string-payloads.js";
export {
  pollutionMarker,
  type StructuredPayload,
  structuredPayloads,
} from "./structured-payloads.js";
