import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Config } from "../../../contracts/index.js";
import { resolveProfile } from "../../../gate/index.js";
import { packageRoot } from "../../package-root.js";
import { articleResultsPath, renderArticleExample } from "./article-example.js";

const path = articleResultsPath(packageRoot());
const results = readFileSync(path, "utf8");

describe("renderArticleExample", () => {
  it("sets the article's 95% rule against the gate, which asks for more trials", () => {
    const text = renderArticleExample(results, resolveProfile("admin", Config.parse({})), path);
    expect(text).toContain(
      'The article\'s build passed 171 of 180 scenarios (95.0%): its "≥ 95% → deploy" rule would ship it.\n',
    );
    expect(text).toMatch(/^This gate \("admin" profile\) says more-trials: normal: .*straddles/m);
    expect(text).toContain("shopfloor gate examples/results/todo-api.article-build.jsonl");
  });

  it("says approve under a profile whose thresholds the build clears", () => {
    const config = Config.parse({
      profiles: {
        lenient: {
          extends: "admin",
          categories: {
            normal: { threshold: 0.85 },
            edge: { threshold: 0.8 },
          },
        },
      },
    });
    const text = renderArticleExample(results, resolveProfile("lenient", config), path);
    expect(text).toContain('This gate ("lenient" profile) says approve');
  });
});
