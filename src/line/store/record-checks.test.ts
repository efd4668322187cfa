import { describe, expect, it } from "vitest";
import { z } from "zod";
import { thrownBy, useLineStore } from "../../../test/line/support/line-store-harness.js";
import { thrown } from "../../../test/support/thrown.js";
import { ShopfloorError } from "../../contracts/errors.js";
import { problems, requireItem, requireText } from "./record-checks.js";

const line = useLineStore();

function refusal(schema: z.ZodType, value: unknown): z.ZodError {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return parsed.error;
}

describe("requireText", () => {
  it("accepts text and refuses an empty field, naming it", () => {
    expect(() => requireText("service name", "todo-api")).not.toThrow();
    const empty = thrown(() => requireText("service name", ""), ShopfloorError);
    expect(empty).toMatchObject({
      code: "invalid-argument",
      field: "service name",
      message: "the service name must not be empty",
    });
  });
});

describe("requireItem", () => {
  it("passes for a stored work item and is not-found for any other", async () => {
    const item = await line.newItem();
    await expect(requireItem(line.database, item.id)).resolves.toBeUndefined();
    const unknown = await thrownBy(requireItem(line.database, "nothing-000000"));
    expect(unknown.code).toBe("not-found");
    expect(unknown.message).toBe("there is no work item nothing-000000");
  });
});

describe("problems", () => {
  it("puts each problem's path and message in one line, the value's own as (value)", () => {
    const shape = z.object({ name: z.string(), ports: z.array(z.number()) });
    expect(problems(refusal(shape, { name: 1, ports: [4100, "x"] }))).toMatch(
      /^name: [^;]+; ports\.1: [^;]+$/,
    );
    expect(problems(refusal(z.string(), 7))).toMatch(/^\(value\): [^;]+$/);
  });
});
