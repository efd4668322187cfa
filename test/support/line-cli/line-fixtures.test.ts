import { describe, expect, it } from "vitest";
import { Build, parseLineEventPayload, WorkItem } from "../../../src/contracts/index.js";
import { sampleHistory } from "./line-fixtures.js";

describe("the line's test data", () => {
  it("satisfies the contracts the facade returns", () => {
    const history = sampleHistory();
    expect(WorkItem.parse(history.item)).toEqual(history.item);
    for (const build of history.builds) expect(Build.parse(build)).toEqual(build);
    for (const event of history.events) {
      expect(parseLineEventPayload(event.type, event.payload)).toEqual(event.payload);
    }
  });
});
