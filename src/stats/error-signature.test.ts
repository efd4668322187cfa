import { describe, expect, it } from "vitest";
import { clusterErrors, errorSignature, maximumSignatureLength } from "./error-signature.js";

describe("errorSignature", () => {
  const cases: [string, string][] = [
    [
      "Expected status 200, got 500 at /api/users/4f1c2a9e7b3d",
      "Expected status 200, got 500 at /api/users/<hex>",
    ],
    [
      "GET /api/orders/8d3c9b7e-1f2a-4c5d-9e8f-0a1b2c3d4e5f returned 404 in 35ms",
      "GET /api/orders/<uuid> returned <num> in <num>",
    ],
    ["connect ECONNREFUSED 127.0.0.1:40123", "connect ECONNREFUSED <ip>:<num>"],
    ["Timeout of 5000ms exceeded", "Timeout of <num> exceeded"],
    [
      "request timed out after 1.5s (attempt 3 of 5)",
      "request timed out after <num> (attempt <num> of <num>)",
    ],
    [
      "TypeError: Cannot read properties of undefined (reading 'id')\n    at handler (/home/runner/app/src/routes/users.ts:42:17)",
      "TypeError: Cannot read properties of undefined (reading '<str>') at handler (<path>)",
    ],
    [
      "ENOENT: no such file or directory, open 'C:\\Users\\ci\\AppData\\Local\\Temp\\x-1.json'",
      "ENOENT: no such file or directory, open '<str>'",
    ],
    ["Error in C:\\build\\app\\main.js:10:3 while loading", "Error in <path> while loading"],
    ["failed to load src/stats/sprt.ts:120:9", "failed to load <path>"],
    ["fetch https://api.example.com/v1/items?page=2 failed.", "fetch <url> failed."],
    ["no user with email jane.doe+test@example.org", "no user with email <email>"],
    ["token expired at 2025-11-24T12:28:03.123Z", "token expired at <time>"],
    [
      "job started 2024-02-29 08:15:00+02:00, deadline 2024-03-01",
      "job started <time>, deadline <time>",
    ],
    ["segfault at address 0x7ffd5e3c and 0xDEADBEEF", "segfault at address <hex> and <hex>"],
    [
      'expected {"name":"Ada","age":36} to deep equal {"name":"Ada","age":37}',
      'expected {"<str>":"<str>","<str>":<num>} to deep equal {"<str>":"<str>","<str>":<num>}',
    ],
    ["session V1StGXR8xZ5jdHi6BmyTq is invalid", "session <id> is invalid"],
    [
      "can't parse the user's input: unexpected token at position 17",
      "can't parse the user's input: unexpected token at position <num>",
    ],
    ["  lots   of\t\twhitespace \n here  ", "lots of whitespace here"],
    [
      "worker-3 ran out of memory (512 MB used, limit -1)",
      "worker-<num> ran out of memory (<num> MB used, limit <num>)",
    ],
  ];
  for (const [message, signature] of cases) {
    it(`normalises ${JSON.stringify(message.slice(0, 60))}`, () => {
      expect(errorSignature(message)).toBe(signature);
    });
  }

  it("keeps identifiers that merely contain digits", () => {
    expect(errorSignature("ERR_HTTP2_STREAM_ERROR from http2 in utf8 mode")).toBe(
      "ERR_HTTP2_STREAM_ERROR from http2 in utf8 mode",
    );
  });

  it("keeps HTTP status codes apart but not other numbers of the same size", () => {
    expect(errorSignature("Expected status 200, got 404")).not.toBe(
      errorSignature("Expected status 200, got 500"),
    );
    expect(errorSignature("retry 404 of 500 failed")).toBe("retry <num> of <num> failed");
  });

  it("caps the length without splitting a character", () => {
    const signature = errorSignature(`${"word ".repeat(100)}😀 end`);
    expect(signature.length).toBeLessThanOrEqual(maximumSignatureLength);
    expect(signature.endsWith("…")).toBe(true);
    const emoji = errorSignature(`${"x".repeat(198)}😀😀`);
    expect(emoji).toBe(`${"x".repeat(198)}…`);
  });

  it("handles a megabyte of one pathological token within the test timeout", () => {
    // Each of these made one rule retry at every position of the token before the lookbehinds were added.
    for (const unit of ["a", "a.", "x-", "1,", "a/b", "deadbeef-"]) {
      const signature = errorSignature(unit.repeat(1_000_000 / unit.length));
      expect(signature.length).toBeLessThanOrEqual(maximumSignatureLength);
    }
  });

  it("gives an empty message a visible signature", () => {
    expect(errorSignature("   ")).toBe("<empty>");
  });
});

describe("clusterErrors", () => {
  interface Failure {
    scenario: string;
    error: string;
  }
  const failures: Failure[] = [
    { scenario: "get-user-1", error: "Expected status 200, got 500 at /api/users/4f1c2a9e7b3d" },
    { scenario: "login", error: "connect ECONNREFUSED 127.0.0.1:40123" },
    { scenario: "get-user-2", error: "Expected status 200, got 500 at /api/users/9a8b7c6d5e4f" },
    { scenario: "slow-report", error: "Timeout of 5000ms exceeded" },
    { scenario: "logout", error: "connect ECONNREFUSED 127.0.0.1:40977" },
    { scenario: "get-user-3", error: "Expected status 200, got 500 at /api/users/0c1d2e3f4a5b" },
    { scenario: "slow-export", error: "Timeout of 12000ms exceeded" },
  ];

  it("groups occurrences of one failure, largest cluster first, ties by signature", () => {
    const clusters = clusterErrors(failures, (failure) => failure.error);
    expect(clusters.map(({ signature, count }) => [signature, count])).toEqual([
      ["Expected status 200, got 500 at /api/users/<hex>", 3],
      ["Timeout of <num> exceeded", 2],
      ["connect ECONNREFUSED <ip>:<num>", 2],
    ]);
  });

  it("keeps every member and the first one as the example", () => {
    const [largest] = clusterErrors(failures, (failure) => failure.error);
    expect(largest?.example.scenario).toBe("get-user-1");
    expect(largest?.members.map((member) => member.scenario)).toEqual([
      "get-user-1",
      "get-user-2",
      "get-user-3",
    ]);
  });

  it("returns no clusters for no failures", () => {
    expect(clusterErrors([], (failure: Failure) => failure.error)).toEqual([]);
  });
});
