import { describe, expect, it } from "vitest";
import { CliModel, HttpServiceModel, LibraryModel } from "../../contracts/spec.js";
import { modelFields, spokenNames } from "./model-fields.js";

describe("modelFields", () => {
  it("lists entity fields and action inputs of an http-service", () => {
    const model = HttpServiceModel.parse({
      entities: {
        product: {
          fields: { name: "string" },
          actions: { reserve: { input: { quantity: { type: "integer", min: 1 } } } },
        },
      },
    });
    expect(
      modelFields({ kind: "http-service", model }).map(({ place, path }) => [place, path]),
    ).toEqual([
      ["product.name", ["product", "fields", "name"]],
      ["product.reserve(quantity)", ["product", "actions", "reserve", "quantity"]],
    ]);
  });

  it("lists options and arguments of a cli and of its subcommands", () => {
    const model = CliModel.parse({
      command: ["node", "todo.mjs"],
      options: { verbose: "boolean" },
      commands: { add: { arguments: [{ name: "title", type: "string" }] } },
    });
    expect(modelFields({ kind: "cli", model }).map((field) => field.place)).toEqual([
      "option --verbose",
      "add argument title",
    ]);
  });

  it("lists a library's parameters, and nothing without a model", () => {
    const model = LibraryModel.parse({
      module: "./index.mjs",
      functions: { slugify: { parameters: [{ name: "title", type: "string" }] } },
    });
    expect(modelFields({ kind: "library", model }).map((field) => field.place)).toEqual([
      "slugify(title)",
    ]);
    expect(modelFields(undefined)).toEqual([]);
  });
});

describe("spokenNames", () => {
  it("says a camel-case or dashed name as words", () => {
    expect(spokenNames("priceCents")).toEqual(["pricecents", "price cents"]);
    expect(spokenNames("dry-run")).toEqual(["dry-run", "dry run"]);
    expect(spokenNames("title")).toEqual(["title"]);
  });
});
