import { describe, expect, it } from "vitest";
import * as store from "./index.js";

describe("the store's public API", () => {
  it("exports opening, closing, migrating and the immediate transaction", () => {
    expect(Object.keys(store).sort()).toEqual([
      "closeFactoryDatabase",
      "factoryDatabaseFileName",
      "inImmediateTransaction",
      "migrateFactoryDatabase",
      "openFactoryDatabase",
      "reservationStates",
    ]);
  });
});
