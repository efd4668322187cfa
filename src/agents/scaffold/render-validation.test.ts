import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { HttpServiceModel, type Spec } from "../../contracts/spec.js";
import { renderValidation } from "./render-validation.js";
import { compile } from "./scaffold-service.js";
import { planService } from "./service-plan.js";

const everyField = HttpServiceModel.parse({
  entities: {
    specimen: {
      fields: {
        tag: { type: "string", required: true, unique: true, pattern: "[A-Z]{2}[0-9]{3}" },
        name: { type: "string", required: true, minLength: 2, maxLength: 4 },
        legs: { type: "integer", min: 0, max: 8, default: 4 },
        weightKg: { type: "number", min: 0.5, max: 6000 },
        tame: { type: "boolean", default: false },
        born: { type: "date" },
        keeper: { type: "email" },
        diet: { type: "string", enum: ["meat", "plants"] },
        cage: { type: "integer", enum: [1, 2] },
        meals: { type: "integer", readOnly: true, default: 0 },
      },
      actions: { feed: { input: { grams: { type: "integer", required: true, min: 1 } } } },
    },
  },
  http: { idField: "key" },
});

function specOf(model: HttpServiceModel): Spec {
  return {
    source: "validation.md",
    hash: "h",
    frontMatter: { name: "validation-test", kind: "http-service" },
    title: "Validation test",
    prose: [],
    criteria: [],
    model: { kind: "http-service", model },
  };
}

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true }))));

interface ValidationModule {
  validateRecord(body: unknown, fields: unknown, partial: boolean): unknown;
  validateInput(body: unknown, fields: unknown): unknown;
  withDefaults(body: unknown, fields: unknown): unknown;
  valueProblem(name: string, rules: unknown, value: unknown): string | undefined;
  specimenFields: Record<string, unknown>;
  specimenFeedInput: Record<string, unknown>;
}

/** The generated module, compiled as the scaffold compiles it, and imported. */
async function generatedValidation(): Promise<ValidationModule> {
  const folder = await mkdtemp(join(tmpdir(), "shopfloor-scaffold-validation-"));
  folders.push(folder);
  const plan = planService(specOf(everyField), everyField);
  const { path, content } = compile({
    path: "src/validation.ts",
    content: renderValidation(plan),
  });
  await mkdir(dirname(join(folder, path)), { recursive: true });
  await writeFile(join(folder, path), content);
  return import(pathToFileURL(join(folder, path)).href);
}

const validation = await generatedValidation();
const valid = { tag: "AB123", name: "Rex" };
const create = (body: unknown) => validation.validateRecord(body, validation.specimenFields, false);

describe("the generated validation", () => {
  it("accepts a record that keeps every rule", () => {
    const full = {
      ...valid,
      legs: 0,
      weightKg: 0.5,
      tame: true,
      born: "2024-02-29",
      keeper: "ann@zoo.example",
      diet: "plants",
      cage: 2,
    };
    expect(create(full)).toEqual({ valid: true, body: full });
    expect(create({ tag: "ZZ999", name: "😀😀😀😀" })).toMatchObject({ valid: true });
  });

  it("refuses every broken rule, naming the field", () => {
    const refusals: [unknown, string][] = [
      [[valid], "the body must be a JSON object"],
      [null, "the body must be a JSON object"],
      [{ ...valid, key: "x" }, "key is assigned by the service and cannot be sent"],
      [{ ...valid, colour: "red" }, 'there is no field "colour"'],
      [{ ...valid, "<script>": 1 }, "there is no field with that name"],
      [{ ...valid, meals: 1 }, "meals is set by the service and cannot be sent"],
      [{ name: "Rex" }, "tag is required"],
      [{ ...valid, born: null }, "born cannot be null"],
      [{ ...valid, legs: "3" }, "legs must be a whole number"],
      [{ ...valid, legs: 3.5 }, "legs must be a whole number"],
      [{ ...valid, legs: 9 }, "legs must be at most 8"],
      [{ ...valid, legs: -1 }, "legs must be at least 0"],
      [{ ...valid, weightKg: 0.4 }, "weightKg must be at least 0.5"],
      [{ ...valid, weightKg: Number.POSITIVE_INFINITY }, "weightKg must be a number"],
      [{ ...valid, tame: "yes" }, "tame must be true or false"],
      [{ ...valid, name: "R" }, "name must have at least 2 characters"],
      [{ ...valid, name: "😀😀😀😀😀" }, "name must have at most 4 characters"],
      [{ ...valid, tag: "xAB123" }, "tag must match"],
      [{ ...valid, tag: "AB1234" }, "tag must match"],
      [{ ...valid, born: "2023-02-29" }, "born must be a calendar date written YYYY-MM-DD"],
      [{ ...valid, born: "2024-2-01" }, "born must be a calendar date"],
      [{ ...valid, keeper: "ann@zoo" }, "keeper must be an email address"],
      [{ ...valid, diet: "fish" }, "diet must be one of meat, plants"],
      [{ ...valid, cage: 3 }, "cage must be one of 1, 2"],
    ];
    for (const [body, problem] of refusals) {
      expect(create(body), JSON.stringify(body)).toMatchObject({ valid: false });
      expect((create(body) as { problem: string }).problem).toContain(problem);
    }
  });

  it("requires nothing of an update, and validates what it sends", () => {
    const update = (body: unknown) =>
      validation.validateRecord(body, validation.specimenFields, true);
    expect(update({})).toEqual({ valid: true, body: {} });
    expect(update({ legs: 12 })).toMatchObject({ valid: false, problem: "legs must be at most 8" });
  });

  it("validates an action's input like fields", () => {
    const input = (body: unknown) => validation.validateInput(body, validation.specimenFeedInput);
    expect(input({ grams: 5 })).toEqual({ valid: true, body: { grams: 5 } });
    expect(input({})).toMatchObject({ valid: false, problem: "grams is required" });
    expect(input({ grams: 5, note: "x" })).toMatchObject({ valid: false });
    expect(input("5")).toMatchObject({ valid: false, problem: "the input must be a JSON object" });
  });

  it("fills the defaults of the fields a body leaves out, in the model's order", () => {
    const complete = validation.withDefaults(
      { name: "Rex", tag: "AB123" },
      validation.specimenFields,
    );
    expect(complete).toEqual({ tag: "AB123", name: "Rex", legs: 4, tame: false, meals: 0 });
    expect(Object.keys(complete as object)).toEqual(["tag", "name", "legs", "tame", "meals"]);
  });
});

describe("renderValidation", () => {
  it("writes only the checks the model uses", () => {
    const plain = HttpServiceModel.parse({ entities: { note: { fields: { text: "string" } } } });
    const text = renderValidation(planService(specOf(plain), plain));
    for (const absent of [
      "isCalendarDate",
      "emailPattern",
      "rangeProblem",
      "textProblem",
      "readOnly",
      "unique",
      "enum",
      "validateInput",
      "rules.default",
    ]) {
      expect(text, absent).not.toContain(absent);
    }
    expect(text).toContain('export type FieldType = "string";');
    const full = renderValidation(planService(specOf(everyField), everyField));
    for (const present of ["isCalendarDate", "emailPattern", "rangeProblem", "validateInput"]) {
      expect(full, present).toContain(present);
    }
  });
});
