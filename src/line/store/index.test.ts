import { describe, expect, it } from "vitest";
import * as lineStore from "./index.js";

describe("the line store's public API", () => {
  it("exports the line store and the artifact store", () => {
    expect(Object.keys(lineStore).sort()).toEqual(["ArtifactStore", "LineStore"]);
  });
});
