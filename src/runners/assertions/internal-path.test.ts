import { describe, expect, it } from "vitest";
import { findInternalPaths } from "./internal-path.js";

describe("findInternalPaths", () => {
  it("finds server paths in error bodies", () => {
    expect(
      findInternalPaths('{"error":"ENOENT: no such file, open \'/srv/app/data/todos.json\'"}'),
    ).toEqual(["/srv/app/data/todos.json"]);
    expect(findInternalPaths("failed in /home/deploy/todo/src/db.ts")).toEqual([
      "/home/deploy/todo/src/db.ts",
    ]);
    expect(findInternalPaths("at /app/src/server.js:10")).toEqual(["/app/src/server.js"]);
    expect(findInternalPaths("see /usr/src/app/index.js")).toEqual(["/usr/src/app/index.js"]);
    expect(findInternalPaths("file:///Users/ada/project/main.py")).toEqual([
      "file:///Users/ada/project/main.py",
    ]);
  });

  it("finds node_modules and Windows paths, escaped in JSON or not", () => {
    expect(findInternalPaths("Cannot find module 'express' from node_modules/.bin")).toEqual([
      "node_modules/.bin",
    ]);
    expect(
      findInternalPaths(JSON.stringify({ file: "C:\\inetpub\\wwwroot\\api\\todo.cs" })),
    ).toEqual(["C:\\\\inetpub\\\\wwwroot\\\\api\\\\todo.cs"]);
    expect(findInternalPaths("C:\\Users\\app\\server.js")).toEqual(["C:\\Users\\app\\server.js"]);
  });

  it("does not take URL paths for file-system paths", () => {
    expect(
      findInternalPaths(JSON.stringify({ id: 42, href: "/api/users/42", next: "/todos?page=2" })),
    ).toEqual([]);
    expect(findInternalPaths('{"avatar":"https://cdn.example.com/home/ada/photo.png"}')).toEqual(
      [],
    );
    expect(
      findInternalPaths(
        '<a href="/home/feed/latest">Feed</a><script src="/static/app.js"></script>',
      ),
    ).toEqual([]);
    expect(findInternalPaths('{"route":"/var","title":"usr/local is a folder name"}')).toEqual([]);
    expect(findInternalPaths("Step a:\\nfoo\\nbar")).toEqual([]);
  });

  it("ignores paths the request sent itself", () => {
    const payload = "../../../../etc/passwd";
    expect(findInternalPaths('{"error":"no such file: ../../../../etc/passwd"}', payload)).toEqual(
      [],
    );
    expect(findInternalPaths("no such file: /etc/shadow/x", "/etc/shadow/x")).toEqual([]);
  });
});
