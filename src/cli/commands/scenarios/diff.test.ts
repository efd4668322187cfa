import { describe, expect, it } from "vitest";
import { renderDiff } from "./diff.js";

describe("renderDiff", () => {
  it("lists the ids of each kind of change, at most 25 each", () => {
    const added = Array.from({ length: 30 }, (_, index) => `new-${index}`);
    const text = renderDiff({
      from: "todo@aaaa",
      to: "todo@bbbb",
      added,
      removed: ["gone"],
      changed: [],
      unchanged: 4,
    });
    expect(text).toContain(
      "todo@aaaa → todo@bbbb\n  30 added, 1 removed, 0 changed, 4 unchanged\n",
    );
    expect(text).toContain("  + new-24\n  + …and 5 more (--json lists all)\n  - gone\n");
    expect(text).not.toContain("new-25");
  });
});
