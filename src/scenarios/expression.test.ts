import { describe, expect, it } from "vitest";
import { type CompiledExpression, compileViewExpression } from "./expression.js";

const view = {
  status: 200,
  headers: { "content-type": "application/json" },
  header: { "content-type": "application/json" },
  body: { items: [{ id: 1 }, { id: 2 }], next: null, title: "milk" },
  bodyText: "",
  durationMs: 12,
};

function compiled(text: string): CompiledExpression {
  const result = compileViewExpression(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function value(text: string): unknown {
  const outcome = compiled(text)(view);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

describe("compileViewExpression", () => {
  it("reads dotted paths of the view", () => {
    expect(value("status == 200 and body.items.length > 1")).toBe(true);
    expect(value("body.items.length == 3")).toBe(false);
    expect(value('body.title == "milk"')).toBe(true);
    expect(value("durationMs < 100")).toBe(true);
  });

  it("offers true, false and null, exists() and quoted keys", () => {
    expect(value("exists(body.next)")).toBe(false);
    expect(value("exists(body.missing)")).toBe(false);
    expect(value("'content-type' of headers == \"application/json\"")).toBe(true);
    expect(value("body.next == null and true")).toBe(true);
  });

  it("records the names it read, for a message that shows them", () => {
    const outcome = compiled("status == 201 and body.items.length > 0")(view);
    expect(outcome.ok && [...outcome.names]).toEqual([["status", 200]]);
  });

  it("reads a bare name from the body when the view has no such name", () => {
    expect(value('title == "milk" and items.length == 2')).toBe(true);
    expect(value("exists(next)")).toBe(false);
    expect(value("status == 200")).toBe(true);
  });

  it("reads single-quoted text as a string, as people expect", () => {
    expect(value("body.title != ''")).toBe(true);
    expect(value("body.title == 'milk'")).toBe(true);
  });

  it("reports a name found nowhere instead of reading undefined", () => {
    expect(compiled("stauts == 200")(view)).toEqual({
      ok: false,
      error:
        'unknown name "stauts": not one of status, headers, header, body, bodyText, durationMs, nor a key of the body (items, next, title)',
    });
    expect(compiled("exitCode == 0")({ returned: 5, threw: undefined, durationMs: 1 })).toEqual({
      ok: false,
      error:
        'unknown name "exitCode": not one of returned, threw, durationMs, nor a key of the return value',
    });
  });

  it("cannot reach prototypes or call JavaScript", () => {
    expect(compiled("exists(body.constructor)")(view)).toMatchObject({
      ok: false,
      error: /"constructor" cannot be read/,
    });
    expect(value("exists('toString' of body)")).toBe(false);
    expect(compiled("exists(toString)")(view)).toMatchObject({ ok: false, error: /unknown name/ });
    expect(compiled('eval("1")')(view)).toMatchObject({ ok: false, error: /Unknown function/ });
  });

  it("says what is wrong with an expression that does not parse", () => {
    const result = compileViewExpression("status ==");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^invalid expression "status ==": Parse error/);
  });

  it("compiles each expression once", () => {
    expect(compileViewExpression("status == 1")).toBe(compileViewExpression("status == 1"));
  });
});
