import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  clientErrorStatus,
  clientErrorStatuses,
  guardRefusal,
  noRefusalContext,
  type RefusalContext,
  refusalContext,
} from "./client-error-answers.js";
import { descendants, parseSource } from "./source-syntax.js";

function statusesOf(code: string, context: RefusalContext = noRefusalContext) {
  const sourceFile = parseSource("a.ts", `${code};`);
  const statement = sourceFile.statements[0];
  if (!statement || !ts.isExpressionStatement(statement)) throw new Error("not an expression");
  return clientErrorStatuses(statement.expression, context)?.map((status) => status.getText());
}

function guardsOf(code: string): string[] {
  const sourceFile = parseSource("a.ts", code);
  const context = refusalContext(sourceFile);
  return descendants(sourceFile)
    .filter((node): node is ts.IfStatement => ts.isIfStatement(node))
    .flatMap((guard) => guardRefusal(guard, context)?.getText() ?? []);
}

describe("clientErrorStatus", () => {
  it("is the value of a whole-number literal from 400 to 499, or of a status constant", () => {
    const sourceFile = parseSource(
      "a.ts",
      "[399, 400, 404.5, 499, 500, 0x190, statuses.notFound, ok]",
    );
    const context = { ...noRefusalContext, statuses: new Map([["statuses.notFound", 404]]) };
    const elements = descendants(sourceFile).filter(ts.isArrayLiteralExpression)[0]?.elements ?? [];
    expect(elements.map((element) => clientErrorStatus(element, context))).toEqual([
      undefined,
      400,
      undefined,
      499,
      undefined,
      400,
      404,
      undefined,
    ]);
  });
});

describe("clientErrorStatuses", () => {
  it("finds the status of the common ways to answer a 4xx", () => {
    expect(statusesOf("send(response, 400, { error })")).toEqual(["400"]);
    expect(statusesOf("res.status(422).json({ error })")).toEqual(["422"]);
    expect(statusesOf("reply.code(404).send()")).toEqual(["404"]);
    expect(statusesOf("new Response(text, { status: 409 })")).toEqual(["409"]);
    expect(statusesOf("({ statusCode: 413, body })")).toEqual(["413"]);
    expect(statusesOf("response.statusCode = 415")).toEqual(["415"]);
    expect(statusesOf("void (reply.status(400) as Reply).send()")).toEqual(["400"]);
  });

  it("finds answers carried in another answer or in an object", () => {
    expect(statusesOf("send(response, refusal(404, 'no such path'))")).toEqual(["404"]);
    expect(statusesOf("({ ok: false, reply: refusal(415, 'not json') })")).toEqual(["415"]);
  });

  it("counts a helper, a status constant and a constant holding an answer", () => {
    const context: RefusalContext = {
      helpers: new Set(["notFound"]),
      statuses: new Map([["statuses.validation", 400]]),
      answers: new Set(["tooLarge"]),
    };
    expect(statusesOf("notFound(response)", context)).toEqual([]);
    expect(statusesOf("refusal(statuses.validation, problem)", context)).toEqual([
      "statuses.validation",
    ]);
    expect(statusesOf("({ ok: false, reply: tooLarge })", context)).toEqual([]);
  });

  it("is undefined for success answers and anything else", () => {
    expect(statusesOf("send(response, 200, value)")).toBeUndefined();
    expect(statusesOf("res.status(500).end()")).toBeUndefined();
    expect(statusesOf("notFound(response)")).toBeUndefined();
    expect(statusesOf("total = 404")).toBeUndefined();
    expect(statusesOf("({ validation: 400, limit: 450 })")).toBeUndefined();
    expect(statusesOf("ok ? send(response, 400) : send(response, 200)")).toBeUndefined();
  });
});

describe("refusalContext", () => {
  it("finds helpers, status constants and answer constants, through one another", () => {
    const sourceFile = parseSource(
      "a.ts",
      [
        "const statuses = { validation: 400, notFound: 404, ok: 200 };",
        "const conflict = 409;",
        "function fail(response, status) { return send(response, status, {}); }",
        "function badRequest(response) { return send(response, 400, {}); }",
        "const notFound = (resource) => refusal(statuses.notFound, resource.name);",
        "function missing(response) { log(); return notFound(response); }",
        "const invalid = function () { throw new ValidationError('bad'); };",
        "function ok(response) { return send(response, 200, {}); }",
        "function read() { const tooLarge = refusal(413, 'large'); return tooLarge; }",
        "const duplicate = refusal(conflict, 'taken');",
      ].join("\n"),
    );
    const context = refusalContext(sourceFile);
    expect([...context.helpers].sort()).toEqual([
      "badRequest",
      "invalid",
      "missing",
      "notFound",
      "read",
    ]);
    expect(context.statuses).toEqual(
      new Map([
        ["statuses.validation", 400],
        ["statuses.notFound", 404],
        ["conflict", 409],
      ]),
    );
    expect([...context.answers].sort()).toEqual(["duplicate", "tooLarge"]);
  });
});

describe("guardRefusal", () => {
  it("finds guards that return or throw a refusal", () => {
    const code = [
      "const statuses = { validation: 400 };",
      "function create(response, body) {",
      "  if (!body.name) return send(response, 400, { error: 'name is required' });",
      "  if (body.size > 10) {",
      "    send(response, 413, { error: 'too large' });",
      "    return;",
      "  }",
      "  if (body.kind === 'x') throw new ValidationError('no x');",
      "  if (body.kind === 'y') throw new HttpError(422, 'no y');",
      "  if (body.kind === 'z') throw new RangeError('no z');",
      "  if (!valid(body)) return refusal(statuses.validation, 'invalid');",
      "  return send(response, 201, body);",
      "}",
    ].join("\n");
    expect(guardsOf(code)).toEqual([
      "return send(response, 400, { error: 'name is required' });",
      "send(response, 413, { error: 'too large' });",
      "throw new ValidationError('no x');",
      "throw new HttpError(422, 'no y');",
      "throw new RangeError('no z');",
      "return refusal(statuses.validation, 'invalid');",
    ]);
  });

  it("leaves out ifs with an else, routing blocks, other errors and success paths", () => {
    const code = [
      "function route(request, response) {",
      "  if (a) return send(response, 400, {}); else return next();",
      "  if (b) {",
      "    if (c) return list(response);",
      "    return send(response, 405, {});",
      "  }",
      "  if (d) throw new Error('internal');",
      "  if (e) return send(response, 200, {});",
      "  if (f) send(response, 400, {});",
      "  if (g) return method === 'GET' ? send(response, 200, {}) : send(response, 405, {});",
      "  if (!body.ok) return body.reply;",
      "}",
    ].join("\n");
    expect(guardsOf(code)).toEqual([]);
  });
});
