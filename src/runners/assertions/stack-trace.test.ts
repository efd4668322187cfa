import { describe, expect, it } from "vitest";
import { findStackTrace } from "./stack-trace.js";

describe("findStackTrace", () => {
  it("finds Node and V8 frames, also inside a JSON body", () => {
    const node =
      "TypeError: Cannot read properties of undefined (reading 'id')\n    at getTodo (/srv/app/src/todos.ts:41:18)\n    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)";
    expect(findStackTrace(node)).toBe("at getTodo (/srv/app/src/todos.ts:41:18)");
    const json = JSON.stringify({
      error: "boom",
      stack: "Error: boom\n    at Object.<anonymous> (file:///app/server.mjs:12:9)",
    });
    expect(findStackTrace(json)).toBe("at Object.<anonymous> (file:///app/server.mjs:12:9)");
    expect(
      findStackTrace(
        "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
      ),
    ).toBe("at process.processTicksAndRejections (node:internal/process/task_queues:95:5)");
    expect(findStackTrace("    at C:\\app\\dist\\main.js:10:3")).toBe(
      "at C:\\app\\dist\\main.js:10:3",
    );
  });

  it("finds Python tracebacks", () => {
    const python =
      'Traceback (most recent call last):\n  File "/app/main.py", line 12, in create\n    raise KeyError';
    expect(findStackTrace(python)).toBe("Traceback (most recent call last)");
    expect(
      findStackTrace(JSON.stringify({ detail: '  File "/app/main.py", line 12, in create' })),
    ).toBe('File \\"/app/main.py\\", line 12');
  });

  it("finds Java, .NET, Ruby, PHP and Go traces", () => {
    expect(
      findStackTrace("\tat com.example.todo.TodoController.create(TodoController.java:42)"),
    ).toBe("at com.example.todo.TodoController.create(TodoController.java:42)");
    expect(findStackTrace('Exception in thread "main" java.lang.NullPointerException')).toBe(
      'Exception in thread "',
    );
    expect(findStackTrace("Caused by: java.sql.SQLException: no such table")).toBe(
      "Caused by: java.sql.SQLException",
    );
    expect(
      findStackTrace(
        "   at Todo.Api.Controllers.TodoController.Get(Int32 id) in C:\\src\\TodoController.cs:line 27",
      ),
    ).toMatch(/^at Todo\.Api/);
    expect(findStackTrace("app/models/todo.rb:12:in `save'")).toBe(".rb:12:in `");
    expect(
      findStackTrace(
        "PHP Fatal error:  Uncaught Error: Call to undefined function x() in /var/www/index.php on line 3",
      ),
    ).toMatch(/^Fatal error/);
    expect(
      findStackTrace(
        "panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()",
      ),
    ).toBe("goroutine 1 [running]:");
  });

  it("does not see traces in ordinary text and JSON", () => {
    expect(findStackTrace("Let's meet at 10:30:00 at the office")).toBeUndefined();
    expect(
      findStackTrace(
        JSON.stringify({ id: 7, title: "look at app.js later", href: "/api/users/42" }),
      ),
    ).toBeUndefined();
    expect(findStackTrace("error: --name is required\nusage: greet --name NAME")).toBeUndefined();
    expect(findStackTrace('{"error":"title must be at most 200 characters"}')).toBeUndefined();
  });
});
