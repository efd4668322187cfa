import { describe, expect, it } from "vitest";
import { sampleWorkItem } from "../../../../test/support/line-cli/line-fixtures.js";
import { renderLookNext } from "./look-next.js";

const todo = sampleWorkItem({ id: "todo-api-5a7f15", attempt: 1 });
const inventory = sampleWorkItem({ id: "inventory-api-9ea5e3", name: "inventory-api" });
const tempconv = sampleWorkItem({
  id: "tempconv-13c35a",
  name: "tempconv",
  state: "exception",
  attempt: 3,
  approvedBuild: undefined,
});

describe("renderLookNext", () => {
  it("names the regenerated item's history and the approved item to calibrate", () => {
    const text = renderLookNext({
      home: "/work/.shopfloor",
      repeatHome: false,
      items: [todo, inventory, tempconv],
    });
    expect(text).toMatch(/^ {2}npx shopfloor status +the line at a glance/m);
    expect(text).toMatch(/^ {2}npx shopfloor history inventory-api-9ea5e3 +every event/m);
    expect(text).toMatch(/^ {2}npx shopfloor exceptions +what waits for a person/m);
    expect(text).toMatch(/^ {2}npx shopfloor calibrate todo-api-5a7f15 +inject faults/m);
    expect(text).toMatch(/^ {2}npx shopfloor serve +all of it in the dashboard/m);
    expect(text).toContain("The factory home /work/.shopfloor: factory.db");
    expect(text).not.toContain("--home");
  });

  it("repeats the home the demo was given, quoted when the shell needs it", () => {
    const text = renderLookNext({
      home: "/tmp/my home",
      repeatHome: true,
      items: [tempconv],
    });
    expect(text).toContain("npx shopfloor status --home '/tmp/my home'");
    expect(text).toContain("npx shopfloor history tempconv-13c35a --home '/tmp/my home'");
    expect(text).toContain("npx shopfloor serve --home '/tmp/my home'");
    expect(text).not.toContain("calibrate");
  });
});
