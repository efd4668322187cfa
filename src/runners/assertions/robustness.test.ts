import { describe, expect, it } from "vitest";
import {
  cliObservation,
  functionObservation,
  httpObservation,
} from "../../../test/support/test-observations.js";
import { robustnessFailures } from "./robustness.js";

describe("robustnessFailures, http", () => {
  it("passes a clean 4xx and a correct result", () => {
    expect(
      robustnessFailures(httpObservation({ status: 400, body: { error: "title is too long" } })),
    ).toEqual([]);
    expect(
      robustnessFailures(
        httpObservation({
          status: 200,
          body: { id: 42, href: "/api/users/42", owner: "/users/7" },
        }),
      ),
    ).toEqual([]);
  });

  it("fails a server error", () => {
    expect(
      robustnessFailures(httpObservation({ status: 500, body: { error: "internal" } })),
    ).toEqual([
      "robustness: got 500 (a malicious or edge input must get a clean 4xx or a correct result)",
    ]);
  });

  it("fails a stack trace and an internal path in the body", () => {
    const body = {
      error: "Cannot read properties of undefined (reading 'title')",
      stack:
        "TypeError: Cannot read properties of undefined (reading 'title')\n    at create (/srv/todo/src/routes/todos.ts:31:22)",
    };
    expect(robustnessFailures(httpObservation({ status: 400, body }))).toEqual([
      'robustness: the body shows a stack trace: "at create (/srv/todo/src/routes/todos.ts:31:22)"',
      'robustness: the body shows an internal path: "/srv/todo/src/routes/todos.ts"',
    ]);
    const python = httpObservation({
      status: 500,
      body: undefined,
      headers: { "content-type": "text/plain" },
      bodyText: 'Traceback (most recent call last):\n  File "/app/main.py", line 12, in create',
    });
    expect(robustnessFailures(python)).toEqual([
      "robustness: got 500 (a malicious or edge input must get a clean 4xx or a correct result)",
      'robustness: the body shows a stack trace: "Traceback (most recent call last)"',
      'robustness: the body shows an internal path: "/app/main.py"',
    ]);
  });

  it("fails an internal path in a header but not a route in location", () => {
    const leaking = httpObservation({
      headers: { "x-debug-file": "/home/app/todo/server.js", location: "/home/ada/todos/1" },
    });
    expect(robustnessFailures(leaking)).toEqual([
      'robustness: header "x-debug-file" shows an internal path: "/home/app/todo/server.js"',
    ]);
  });

  it("does not blame the service for echoing a path it was sent", () => {
    const traversal = httpObservation({
      status: 404,
      request: {
        method: "GET",
        url: "http://h/files/%2Fvar%2Flib%2Fsecret%2Fkey",
        headers: {},
        bodyText: "",
      },
      body: { error: "no file /var/lib/secret/key" },
    });
    expect(robustnessFailures(traversal)).toEqual([]);
  });

  it("fails a payload reflected unescaped into a page, not one echoed in JSON", () => {
    const request = {
      method: "GET",
      url: "http://h/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      headers: {},
      bodyText: "",
    };
    const html = httpObservation({
      request,
      headers: { "content-type": "text/html" },
      body: undefined,
      bodyText: "<p>No results for <script>alert(1)</script></p>",
    });
    expect(robustnessFailures(html)).toEqual([
      'robustness: the HTML response reflects the request\'s "<script>alert(1)</script>" unescaped',
    ]);
    expect(
      robustnessFailures(
        httpObservation({ request, body: { query: "<script>alert(1)</script>", results: [] } }),
      ),
    ).toEqual([]);
  });
});

describe("robustnessFailures, cli", () => {
  it("passes a clean usage error", () => {
    expect(
      robustnessFailures(cliObservation({ exitCode: 2, stderr: "error: --name is required\n" })),
    ).toEqual([]);
  });

  it("fails a crash by signal or by exit code, but not a timeout kill", () => {
    expect(robustnessFailures(cliObservation({ exitCode: null, signal: "SIGSEGV" }))).toEqual([
      "robustness: the process was killed by SIGSEGV (a crash)",
    ]);
    expect(robustnessFailures(cliObservation({ exitCode: 134 }))).toEqual([
      "robustness: exit code 134 (a crash: 128 + signal 6)",
    ]);
    expect(
      robustnessFailures(cliObservation({ exitCode: null, signal: "SIGKILL" }), { timedOut: true }),
    ).toEqual([]);
  });

  it("fails an uncaught exception on stderr and an internal path on stdout", () => {
    const stderr = [
      "file:///home/ada/greet/cli.mjs:4",
      "    throw new Error('boom');",
      "Error: boom",
      "    at main (file:///home/ada/greet/cli.mjs:4:11)",
      "Node.js v20.19.0",
    ].join("\n");
    expect(robustnessFailures(cliObservation({ exitCode: 1, stderr }))).toEqual([
      'robustness: stderr shows an uncaught exception\'s stack trace: "at main (file:///home/ada/greet/cli.mjs:4:11)"',
    ]);
    expect(
      robustnessFailures(
        cliObservation({ stdout: "config read from /home/ada/.config/greet/config.json\n" }),
      ),
    ).toEqual(['robustness: stdout shows an internal path: "/home/ada/.config/greet/config.json"']);
  });

  it("does not blame a command for printing a path it was given", () => {
    const given = cliObservation({
      argv: ["node", "cli.js", "/tmp/input/todos.csv"],
      stdout: "read /tmp/input/todos.csv\n",
    });
    expect(robustnessFailures(given)).toEqual([]);
  });
});

describe("robustnessFailures, function", () => {
  it("counts engine errors as crashes", () => {
    const crash = functionObservation({
      threw: { name: "TypeError", message: "Cannot read properties of undefined (reading 'x')" },
    });
    expect(robustnessFailures(crash)).toEqual([
      "robustness: TypeError: Cannot read properties of undefined (reading 'x')",
    ]);
    expect(
      robustnessFailures(
        functionObservation({
          threw: { name: "RangeError", message: "Maximum call stack size exceeded" },
        }),
      ),
    ).toHaveLength(1);
  });

  it("counts a crashed worker as a crash", () => {
    const crashed = functionObservation({
      threw: { name: "WorkerCrashed", message: "the function worker exited with code 1" },
    });
    expect(robustnessFailures(crashed)).toEqual([
      "robustness: the function worker exited with code 1",
    ]);
  });

  it("accepts deliberate validation errors and normal results", () => {
    expect(
      robustnessFailures(
        functionObservation({ threw: { name: "ValidationError", message: "title is required" } }),
      ),
    ).toEqual([]);
    expect(
      robustnessFailures(functionObservation({ threw: { name: "Error", message: "not found" } })),
    ).toEqual([]);
    expect(robustnessFailures(functionObservation({ returned: 5 }))).toEqual([]);
    expect(
      robustnessFailures(
        functionObservation({ threw: { name: "TrialTimeout", message: "timed out" } }),
      ),
    ).toEqual([]);
  });
});
