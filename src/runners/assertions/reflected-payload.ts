/**
 * Reflected payloads: a request carried markup (`<script>alert(1)</script>`, `"><img src=x onerror=…>`)
 * and an HTML response (or one without a content type, which a browser may sniff as HTML) contains it
 * verbatim, unescaped: a cross-site scripting hole. A JSON API that echoes the text inside
 * application/json is fine — JSON is not rendered as markup.
 */
import type { HttpObservation } from "../../contracts/observation.js";

/** Text that changes the structure of a page: a tag, or a quote that breaks out of an attribute. */
const markup = /<[A-Za-z!/?]|["'][^"']*(?:>|\bon\w+\s*=)/;
const longestPayload = 10_000;

export function findReflectedPayload(observation: HttpObservation): string | undefined {
  if (!rendersAsHtml(observation.headers["content-type"])) return undefined;
  return requestPayloads(observation.request).find((payload) =>
    observation.bodyText.includes(payload),
  );
}

function rendersAsHtml(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === "") return true;
  return /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

/** The strings of the request that carry markup: path segments, query values, body fields. */
export function requestPayloads(request: HttpObservation["request"]): string[] {
  const candidates = [...urlParts(request.url), ...bodyParts(request.bodyText)];
  return [...new Set(candidates)].filter(
    (candidate) => candidate.length <= longestPayload && markup.test(candidate),
  );
}

function urlParts(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url, "http://localhost");
  } catch {
    return [decode(url)];
  }
  const segments = parsed.pathname.split("/").map(decode);
  const query = [...parsed.searchParams].flat();
  return [decode(parsed.pathname), ...segments, ...query];
}

function bodyParts(bodyText: string): string[] {
  if (bodyText === "") return [];
  const parts = [bodyText];
  try {
    parts.push(...stringsIn(JSON.parse(bodyText)));
  } catch {
    // Not JSON: a form body's fields, or the raw text alone.
    for (const [name, value] of new URLSearchParams(bodyText)) parts.push(name, value);
  }
  return parts;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [key, ...stringsIn(item)]);
  }
  return [];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
