import { describe, expect, it } from "vitest";
import { httpObservation } from "../../../test/support/test-observations.js";
import type { HttpObservation } from "../../contracts/observation.js";
import { findReflectedPayload, requestPayloads } from "./reflected-payload.js";

function page(
  request: Partial<HttpObservation["request"]>,
  bodyText: string,
  contentType?: string,
): HttpObservation {
  return httpObservation({
    request: {
      method: "GET",
      url: "http://127.0.0.1:4000/",
      headers: {},
      bodyText: "",
      ...request,
    },
    headers: contentType === undefined ? {} : { "content-type": contentType },
    body: undefined,
    bodyText,
  });
}

const script = "<script>alert(1)</script>";

describe("findReflectedPayload", () => {
  it("finds a query payload echoed into an HTML page", () => {
    const url = `http://127.0.0.1:4000/search?q=${encodeURIComponent(script)}`;
    const echoed = page({ url }, `<h1>Results for ${script}</h1>`, "text/html; charset=utf-8");
    expect(findReflectedPayload(echoed)).toBe(script);
  });

  it("finds an attribute breakout from a JSON body, and counts a missing content type as HTML", () => {
    const payload = '"><img src=x onerror=alert(1)>';
    const echoed = page(
      { method: "POST", bodyText: JSON.stringify({ name: payload }) },
      `<input value="${payload}">`,
    );
    expect(findReflectedPayload(echoed)).toBe(payload);
  });

  it("finds payloads in path segments and form bodies", () => {
    const inPath = page(
      { url: `http://h/todos/${encodeURIComponent(script)}` },
      `Not found: ${script}`,
      "text/html",
    );
    expect(findReflectedPayload(inPath)).toBe(script);
    const form = page(
      { bodyText: `title=${encodeURIComponent(script)}&done=false` },
      `<li>${script}</li>`,
      "text/html",
    );
    expect(findReflectedPayload(form)).toBe(script);
  });

  it("accepts escaped output and JSON APIs that echo the text", () => {
    const url = `http://h/search?q=${encodeURIComponent(script)}`;
    expect(
      findReflectedPayload(
        page({ url }, "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>", "text/html"),
      ),
    ).toBeUndefined();
    expect(
      findReflectedPayload(page({ url }, JSON.stringify({ q: script }), "application/json")),
    ).toBeUndefined();
  });

  it("does not treat harmless punctuation as markup", () => {
    expect(
      requestPayloads({
        method: "GET",
        url: "http://h/search?q=O'Brien%20%26%20sons&n=1<2",
        headers: {},
        bodyText: "",
      }),
    ).toEqual([]);
  });
});
