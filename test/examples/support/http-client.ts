import type { HttpExample } from "./example-spec.js";

/**
 * A small HTTP client for the example builds' tests: one call per request, the answer's status, JSON body
 * and raw text. Requests with a JSON value send it as application/json; `raw` sends bytes as they are.
 */

export interface HttpAnswer {
  status: number;
  /** The parsed JSON body; an empty object when the body is empty or not JSON. */
  body: Record<string, unknown>;
  text: string;
  contentType: string | null;
}

export interface RequestExtras {
  headers?: Record<string, string>;
  /** A body sent exactly as given, instead of JSON. */
  raw?: string | Uint8Array;
}

export type HttpCall = (
  method: string,
  path: string,
  json?: unknown,
  extras?: RequestExtras,
) => Promise<HttpAnswer>;

export function httpClient(baseUrl: string): HttpCall {
  return async (method, path, json, extras = {}) => {
    const headers: Record<string, string> = {
      ...(json === undefined ? {} : { "content-type": "application/json" }),
      ...extras.headers,
    };
    const body = extras.raw ?? (json === undefined ? undefined : JSON.stringify(json));
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      body: parseObject(text),
      text,
      contentType: response.headers.get("content-type"),
    };
  };
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Sends an inline example of a criterion as written (its body, if any, as application/json), after
 * `createRecord` has made the record that `{id}` in its path stands for.
 */
export async function callExample(
  call: HttpCall,
  example: HttpExample,
  createRecord: () => Promise<string>,
): Promise<HttpAnswer> {
  const path = example.path.includes("{id}")
    ? example.path.replace("{id}", await createRecord())
    : example.path;
  if (example.body === undefined) return call(example.method, path);
  const headers = { "content-type": "application/json" };
  return call(example.method, path, undefined, { raw: example.body, headers });
}
