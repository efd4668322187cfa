import { describe, expect, it } from "vitest";
import { injectionStrings } from "./injection-strings.js";

describe("injectionStrings", () => {
  it("holds the classic probe of each family", () => {
    expect(injectionStrings["sql-injection"].map(([value]) => value)).toContain("' OR '1'='1");
    expect(injectionStrings["shell-injection"].map(([value]) => value)).toContain("$(id)");
    expect(injectionStrings["path-traversal"].map(([value]) => value)).toContain(
      "../../../../etc/passwd",
    );
    expect(injectionStrings["template-injection"].map(([value]) => value)).toContain("{{7*7}}");
    expect(injectionStrings.xss.map(([value]) => value)).toContain("<script>alert(1)</script>");
    expect(injectionStrings["format-string"].map(([value]) => value)).toContain("%s%s%s%s%s");
  });

  it("writes every template probe so that evaluating it would show 49 or run code", () => {
    for (const [value] of injectionStrings["template-injection"]) {
      expect(value).toMatch(/7\*7|constructor|for /);
    }
  });
});
