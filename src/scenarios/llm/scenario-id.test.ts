import { describe, expect, it } from "vitest";
import { Scenario } from "../../contracts/scenario.js";
import { slugOf, takeScenarioId } from "./scenario-id.js";

describe("slugOf", () => {
  it("keeps lower-case letters and digits joined by '-'", () => {
    expect(slugOf("Rejects a title of 201 characters!")).toBe("rejects-a-title-of-201-characters");
    expect(slugOf("Crée une tâche « café »")).toBe("cree-une-tache-cafe");
  });

  it("names a title with no letters or digits 'scenario' and cuts long ones", () => {
    expect(slugOf("'; DROP TABLE --")).toBe("drop-table");
    expect(slugOf("!!!")).toBe("scenario");
    expect(slugOf("a ".repeat(100)).length).toBeLessThanOrEqual(60);
    expect(slugOf("a ".repeat(100))).not.toMatch(/-$/);
  });
});

describe("takeScenarioId", () => {
  it("makes ids unique against those taken, and valid scenario ids", () => {
    const taken = new Set(["llm/edge/empty-title"]);
    expect(takeScenarioId("edge", "Empty title", taken)).toBe("llm/edge/empty-title-2");
    expect(takeScenarioId("edge", "Empty title!", taken)).toBe("llm/edge/empty-title-3");
    expect(takeScenarioId("normal", "Empty title", taken)).toBe("llm/normal/empty-title");
    expect(taken.size).toBe(4);
    for (const id of taken) expect(Scenario.shape.id.safeParse(id).success).toBe(true);
  });
});
