/**
 * Hostile JSON values: prototype-pollution objects and NoSQL query operators sent where a plain value is
 * expected. Prototype-pollution values are built with JSON.parse so that "__proto__" and "constructor" are
 * own keys, exactly as a server receives them; an object literal would set the prototype instead.
 */

export interface StructuredPayload {
  family: "prototype-pollution" | "nosql-operator";
  value: Record<string, unknown>;
  note: string;
}

/** The property a pollution payload tries to add to Object.prototype; a check looks for it afterwards. */
export const pollutionMarker = "shopfloorPolluted";

function parsed(json: string): Record<string, unknown> {
  return JSON.parse(json) as Record<string, unknown>;
}

const pollution: readonly (readonly [json: string, note: string])[] = [
  [`{"__proto__": {"${pollutionMarker}": true}}`, "a top-level __proto__ merged into a record"],
  [
    `{"constructor": {"prototype": {"${pollutionMarker}": true}}}`,
    "reaches Object.prototype through constructor.prototype",
  ],
  [
    `{"settings": {"__proto__": {"${pollutionMarker}": true}}}`,
    "a __proto__ nested in a field, polluting a deep merge",
  ],
  [`{"__proto__": {"isAdmin": true}}`, "grants a property every object inherits"],
  [`{"__proto__": {"toString": "not a function"}}`, "replaces an inherited method with a string"],
  [
    `{"__proto__": {"__proto__": {"${pollutionMarker}": "deep"}}}`,
    "a chain of __proto__ keys that climbs two prototypes",
  ],
  [`{"__proto__": null}`, "a null prototype that breaks later property lookups"],
  [`{"constructor": {"name": "${pollutionMarker}"}}`, "shadows the constructor of a record"],
];

const operators: readonly (readonly [value: Record<string, unknown>, note: string])[] = [
  [{ $gt: "" }, "greater than the empty string: matches every string"],
  [{ $ne: null }, "not equal to null: matches every document"],
  [{ $where: "sleep(100) || true" }, "server-side JavaScript, slow and always true"],
  [{ $regex: ".*" }, "a regular expression that matches everything"],
  [{ $exists: true }, "matches every document that has the field"],
  [{ $in: ["admin", "root"] }, "one of several values, used to guess accounts"],
  [{ $nin: [] }, "not in an empty list: matches everything"],
  [{ $expr: { $eq: [1, 1] } }, "an aggregation expression that is always true"],
];

export const structuredPayloads: readonly StructuredPayload[] = [
  ...pollution.map(([json, note]) => ({
    family: "prototype-pollution" as const,
    value: parsed(json),
    note,
  })),
  ...operators.map(([value, note]) => ({ family: "nosql-operator" as const, value, note })),
];
