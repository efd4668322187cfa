import { describe, expect, it } from "vitest";
import * as ledger from "./index.js";

describe("the ledger's public API", () => {
  it("exports what the line and the commands use", () => {
    for (const name of [
      "Ledger",
      "dispatchWithinBudget",
      "cheapestCapableModel",
      "dispatchOrder",
      "lookUpModelPrices",
      "tokenCostMicroUsd",
      "machineCostMicroUsd",
      "priceCharge",
      "budgetDayOf",
      "resolveBudgetPolicy",
      "summarizeCosts",
      "economics",
      "formatUsd",
    ]) {
      expect(ledger, name).toHaveProperty(name);
    }
  });
});
