/**
 * Request bodies sent as raw text: JSON that a strict parser must refuse, and JSON-looking text under a
 * content type that is not JSON. The service must answer with a 4xx and change nothing.
 */

export interface RawBody {
  family: "malformed-json" | "wrong-content-type";
  contentType: string;
  body: string;
  note: string;
}

const nestingDepth = 10_000;
const json = "application/json";
const jsonLooking = '{"name":"shopfloor","count":1}';

const malformed: readonly (readonly [body: string, note: string])[] = [
  ['{"name": "shopfloor"', "truncated: the closing brace is missing"],
  ['{"name": "shopfloor",}', "a trailing comma"],
  ["{'name': 'shopfloor'}", "single quotes"],
  ['{"count": NaN}', "NaN, which JSON does not have"],
  ['{"count": Infinity}', "Infinity, which JSON does not have"],
  ['{"name": "shopfloor" /* a comment */}', "a block comment"],
  ['// a comment\n{"name": "shopfloor"}', "a line comment"],
  ['\ufeff{"name": "shopfloor"}', "a byte order mark before the JSON"],
  [`${"[".repeat(nestingDepth)}${"]".repeat(nestingDepth)}`, "arrays nested 10 000 levels deep"],
  [
    `${'{"a":'.repeat(nestingDepth)}1${"}".repeat(nestingDepth)}`,
    "objects nested 10 000 levels deep",
  ],
  ['{"name": "first", "name": "second"}', "a duplicate key"],
  ["", "an empty body"],
  ["null", "valid JSON that is not an object"],
  ['[{"name": "shopfloor"}]', "an array where an object is expected"],
  ['"shopfloor"', "a JSON string where an object is expected"],
  ['{name: "shopfloor"}', "unquoted keys"],
  ['{"count": 0x10}', "a hexadecimal number"],
  ['{"count": 01}', "a number with a leading zero"],
  ['{"name": "shop\tfloor"}', "an unescaped control character in a string"],
  ['{"name": "shopfloor"}{"name": "again"}', "two JSON values one after the other"],
  ['{"name": "\\x41"}', "an escape JSON does not have"],
];

const wrongTypes: readonly (readonly [contentType: string, note: string])[] = [
  ["text/plain", "plain text whose content happens to be JSON"],
  ["application/x-www-form-urlencoded", "a form body type"],
  ["multipart/form-data", "multipart without a boundary"],
  ["application/xml", "an XML body type"],
  ["text/html", "an HTML body type"],
  ["application/octet-stream", "opaque bytes"],
];

export const rawBodies: readonly RawBody[] = [
  ...malformed.map(([body, note]) => ({
    family: "malformed-json" as const,
    contentType: json,
    body,
    note,
  })),
  ...wrongTypes.map(([contentType, note]) => ({
    family: "wrong-content-type" as const,
    contentType,
    body: jsonLooking,
    note,
  })),
];
