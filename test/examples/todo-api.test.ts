/**
 * The todo-api example: the spec reader accepts its spec as written, and its build, started as a real process,
 * does what the spec and docs/spec-conventions.md promise, over real HTTP: the spec's worked and inline
 * examples, CRUD, every validation rule, paging, 404s, 413/415, and text stored exactly as sent.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpModelOf, loadExampleSpec, parseHttpExample } from "./support/example-spec.js";
import { callExample, type HttpCall, httpClient } from "./support/http-client.js";
import { runModelExamples } from "./support/run-scenarios.js";
import { type RunningServer, startServer } from "./support/start-server.js";

const serverPath = fileURLToPath(
  new URL("../../examples/todo-api/build/server.mjs", import.meta.url),
);
const spec = await loadExampleSpec("todo-api");
const model = httpModelOf(spec);

let server: RunningServer;
let call: HttpCall;

beforeAll(async () => {
  server = await startServer(serverPath);
  call = httpClient(server.baseUrl);
});
afterAll(() => server?.stop());

async function createTodo(fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await call("POST", "/todos", fields);
  expect(answer.status, answer.text).toBe(201);
  return answer.body;
}

async function todoCount(): Promise<unknown> {
  return (await call("GET", "/todos?limit=1")).body.total;
}

describe("the todo-api spec", () => {
  it("is an http-service spec whose model says what the prose says", () => {
    expect(spec.frontMatter).toMatchObject({ name: "todo-api", kind: "http-service" });
    expect(spec.title).toBe("Todo API");
    expect(Object.keys(model.entities)).toEqual(["todo"]);
    expect(model.entities.todo?.operations).toEqual(["create", "read", "list", "update", "delete"]);
    expect(model.entities.todo?.fields).toMatchObject({
      title: { type: "string", required: true, minLength: 1, maxLength: 200 },
      done: { type: "boolean", default: false },
      priority: { type: "integer", min: 1, max: 5, default: 3 },
      due: { type: "date", required: false },
      notes: { type: "string", maxLength: 2000 },
    });
  });

  it("has 6 to 10 criteria, several with inline examples, each shown by a worked example", () => {
    expect(spec.criteria.length).toBeGreaterThanOrEqual(6);
    expect(spec.criteria.length).toBeLessThanOrEqual(10);
    expect(spec.criteria.filter((criterion) => criterion.examples.length > 0).length).toBe(9);
    const shown = new Set(model.examples.flatMap((example) => example.criteria));
    expect(spec.criteria.map((criterion) => criterion.id).filter((id) => !shown.has(id))).toEqual(
      [],
    );
  });
});

describe("the todo-api build", () => {
  it("answers the health check", async () => {
    expect((await call("GET", "/health")).status).toBe(200);
  });

  it("passes every worked example of the spec's model", async () => {
    const results = await runModelExamples(spec, model.examples, {
      kind: "http",
      baseUrl: server.baseUrl,
    });
    expect(results).toHaveLength(model.examples.length);
    expect(results.filter((result) => !result.pass)).toEqual([]);
  });

  it("answers every inline example of the criteria as the spec says", async () => {
    for (const { input, expected } of spec.criteria.flatMap((criterion) => criterion.examples)) {
      const example = parseHttpExample(input, expected);
      const answer = await callExample(call, example, async () =>
        String((await createTodo({ title: "For an example" })).id),
      );
      expect(answer.status, input).toBe(example.status);
      expect(answer.body, input).toMatchObject(example.subset ?? {});
    }
  });

  it("creates, reads, updates and deletes a todo, with defaults applied and an id assigned", async () => {
    const created = await createTodo({ title: "Buy milk" });
    expect(created).toEqual({ id: created.id, title: "Buy milk", done: false, priority: 3 });
    expect(created.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const path = `/todos/${created.id}`;
    expect(await call("GET", path)).toMatchObject({ status: 200, body: created });
    const updated = await call("PATCH", path, { done: true, due: "2024-02-29", notes: "2 litres" });
    expect(updated).toMatchObject({
      status: 200,
      body: { ...created, done: true, due: "2024-02-29", notes: "2 litres" },
    });
    expect(await call("PATCH", path, {})).toMatchObject({ status: 200, body: updated.body });
    const deleted = await call("DELETE", path);
    expect(deleted).toMatchObject({ status: 204, text: "" });
    expect((await call("GET", path)).status).toBe(404);
    expect((await call("PATCH", path, { done: false })).status).toBe(404);
    expect((await call("DELETE", path)).status).toBe(404);
  });

  it("answers JSON with an error message for every refusal", async () => {
    const answer = await call("POST", "/todos", { title: 7 });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body.error).toBe("title must be a string");
  });

  const invalidTodos: [string, unknown][] = [
    ["a missing title", { done: true }],
    ["an empty title", { title: "" }],
    ["a title of 201 characters", { title: "x".repeat(201) }],
    ["a title that is a number", { title: 12 }],
    ["a null title", { title: null }],
    ["done as a string", { title: "Milk", done: "true" }],
    ["a priority of 0", { title: "Milk", priority: 0 }],
    ["a priority of 6", { title: "Milk", priority: 6 }],
    ["a priority of 2.5", { title: "Milk", priority: 2.5 }],
    ["a priority as a string", { title: "Milk", priority: "3" }],
    ["the 30th of February", { title: "Milk", due: "2024-02-30" }],
    ["the 29th of February of a common year", { title: "Milk", due: "2023-02-29" }],
    ["a date with a time", { title: "Milk", due: "2024-01-05T10:00:00Z" }],
    ["a date without leading zeros", { title: "Milk", due: "2024-1-5" }],
    ["a null due date", { title: "Milk", due: null }],
    ["notes of 2001 characters", { title: "Milk", notes: "n".repeat(2001) }],
    ["an id", { title: "Milk", id: "00000000-0000-4000-8000-000000000000" }],
    ["an unknown field", { title: "Milk", colour: "blue" }],
    ["a __proto__ field", JSON.parse('{"title": "Milk", "__proto__": {"done": true}}')],
    ["an array", [{ title: "Milk" }]],
    ["a string", "Milk"],
    ["null", null],
  ];

  it.each(invalidTodos)("refuses a todo with %s with 400 and stores nothing", async (_, body) => {
    const before = await todoCount();
    expect((await call("POST", "/todos", body)).status).toBe(400);
    expect(await todoCount()).toBe(before);
  });

  it("refuses an invalid update with 400 and leaves the todo as it was", async () => {
    const created = await createTodo({ title: "Paint fence", priority: 2 });
    const path = `/todos/${created.id}`;
    for (const body of [{ title: "" }, { priority: 9 }, { id: "x" }, { done: null }, { size: 1 }]) {
      expect((await call("PATCH", path, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call("GET", path)).body).toEqual(created);
  });

  it("accepts every boundary value and counts lengths in code points", async () => {
    const astral = "😀".repeat(200); // 400 UTF-16 units, 200 code points
    const created = await createTodo({
      title: astral,
      priority: 5,
      due: "2000-02-29",
      notes: "é".repeat(2000),
    });
    expect(created).toMatchObject({ title: astral, priority: 5, due: "2000-02-29" });
    expect((await createTodo({ title: "a", priority: 1 })).priority).toBe(1);
    expect((await call("POST", "/todos", { title: `${astral}😀` })).status).toBe(400);
  });

  it("stores text exactly as sent: quotes, markup, spaces and control characters", async () => {
    const titles = [
      "'; DROP TABLE todos; --",
      '<script>alert("x")</script>',
      "  padded  ",
      "a\u0000b",
    ];
    for (const title of titles) {
      const created = await createTodo({ title });
      expect((await call("GET", `/todos/${created.id}`)).body.title).toBe(title);
    }
  });

  it("lists todos in creation order, 20 per page by default, and an empty page past the end", async () => {
    const titles = Array.from({ length: 25 }, (_, index) => `Paged ${index}`);
    for (const title of titles) await createTodo({ title });
    const total = Number(await todoCount());
    const firstPage = await call("GET", "/todos");
    expect(firstPage.body).toMatchObject({ page: 1, limit: 20, total });
    expect(firstPage.body.items).toHaveLength(20);
    const all = await call("GET", "/todos?page=1&limit=100");
    const listed = (all.body.items as { title: string }[]).map((todo) => todo.title);
    expect(listed.filter((title) => title.startsWith("Paged "))).toEqual(titles);
    const secondPage = await call("GET", "/todos?page=2&limit=5");
    expect(secondPage.body.items).toEqual((all.body.items as unknown[]).slice(5, 10));
    const pastTheEnd = await call("GET", `/todos?page=${total + 1}&limit=1`);
    expect(pastTheEnd).toMatchObject({ status: 200, body: { items: [], total } });
  });

  it.each([
    "page=0",
    "page=-1",
    "page=1.5",
    "page=two",
    "page=",
    "limit=0",
    "limit=101",
    "limit=x",
  ])("refuses a list with %s with 400", async (query) => {
    expect((await call("GET", `/todos?${query}`)).status).toBe(400);
  });

  it.each([
    ["a UUID", "/todos/00000000-0000-4000-8000-000000000000"],
    ["a path", "/todos/..%2F..%2Fetc%2Fpasswd"],
    ["5000 characters", `/todos/${"a".repeat(5000)}`],
    ["a broken escape", "/todos/%E0%A4%A"],
  ])("answers 404 for an id no todo has: %s", async (_, path) => {
    expect((await call("GET", path)).status).toBe(404);
    expect((await call("DELETE", path)).status).toBe(404);
  });

  it("refuses a body over 64 KiB with 413, a non-JSON one with 415, malformed JSON with 400", async () => {
    const large = await call("POST", "/todos", { title: "t", notes: "n".repeat(70_000) });
    expect(large.status).toBe(413);
    const plain = await call("POST", "/todos", undefined, {
      raw: "title=Milk",
      headers: { "content-type": "text/plain" },
    });
    expect(plain.status).toBe(415);
    const missingType = await call("POST", "/todos", undefined, { raw: '{"title": "Milk"}' });
    expect(missingType.status).toBe(415);
    for (const raw of ['{"title": "Milk"', "", "{'title': 'Milk'}", new Uint8Array([0xff, 0xfe])]) {
      expect((await call("POST", "/todos", undefined, { raw, headers: jsonHeader })).status).toBe(
        400,
      );
    }
  });

  it("answers 405 for a method a path does not have and 404 for a path it does not have", async () => {
    expect((await call("PUT", "/todos", { title: "x" })).status).toBe(405);
    expect((await call("DELETE", "/todos")).status).toBe(405);
    expect((await call("POST", "/todos/some-id", { title: "x" })).status).toBe(405);
    expect((await call("GET", "/todos/some-id/extra")).status).toBe(404);
    expect((await call("GET", "/elsewhere")).status).toBe(404);
  });

  it("keeps every todo of 100 parallel creates, each with its own id", async () => {
    const before = Number(await todoCount());
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, index) => createTodo({ title: `Parallel ${index}` })),
    );
    expect(new Set(created.map((todo) => todo.id)).size).toBe(100);
    expect(await todoCount()).toBe(before + 100);
    expect(server.exitCode()).toBeNull();
  });
});

const jsonHeader = { "content-type": "application/json" };
