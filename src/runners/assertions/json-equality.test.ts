import { describe, expect, it } from "vitest";
import { functionObservation, httpObservation } from "../../../test/support/test-observations.js";
import { checkJson } from "./json-equality.js";

describe("checkJson", () => {
  const response = httpObservation({ body: { id: 7, title: "milk", done: false, tags: ["food"] } });

  it("passes equal bodies and return values", () => {
    expect(
      checkJson({ done: false, tags: ["food"], title: "milk", id: 7 }, response, "equal"),
    ).toBeUndefined();
    expect(checkJson(5, functionObservation({ returned: 5 }), "equal")).toBeUndefined();
    expect(
      checkJson(
        { $undefined: true },
        functionObservation({ returned: { $undefined: true } }),
        "equal",
      ),
    ).toBeUndefined();
  });

  it("names the first difference with both values", () => {
    expect(
      checkJson({ id: 7, title: "bread", done: false, tags: ["food"] }, response, "equal"),
    ).toBe('json: at body.title: expected "bread", got "milk"');
    expect(checkJson({ id: 7, title: "milk", done: false }, response, "equal")).toBe(
      'json: at body: unexpected key "tags" (["food"])',
    );
    expect(checkJson({ total: 6 }, functionObservation({ returned: { total: 5 } }), "equal")).toBe(
      "json: at returned.total: expected 6, got 5",
    );
  });

  it("checks subsets", () => {
    expect(checkJson({ title: "milk" }, response, "subset")).toBeUndefined();
    expect(checkJson({ owner: "ada" }, response, "subset")).toBe(
      'jsonSubset: at body: missing key "owner" (expected "ada")',
    );
  });

  it("cuts long values short", () => {
    const long = httpObservation({ body: { text: "x".repeat(10_000) } });
    expect(checkJson({ text: "y" }, long, "equal")?.length).toBeLessThan(140);
  });

  it("fails when there is no JSON to compare", () => {
    const html = httpObservation({
      body: undefined,
      bodyText: "<h1>Oops</h1>",
      headers: { "content-type": "text/html" },
    });
    expect(checkJson({}, html, "equal")).toBe(
      'expected a JSON body, got text/html: "<h1>Oops</h1>"',
    );
    const threw = functionObservation({ threw: { name: "TypeError", message: "x is undefined" } });
    expect(checkJson(5, threw, "subset")).toBe(
      'expected a return value, but the call threw TypeError: "x is undefined"',
    );
  });
});
