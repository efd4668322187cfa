/**
 * Every field a client gives, from a spec's model: entity fields and action inputs of an http-service,
 * options and arguments of a cli (and of its subcommands), parameters of a library's functions. The
 * field rules and the contradiction rule read the model through this one list.
 */
import type { FieldDefinition, SpecModel } from "../../contracts/spec.js";

export interface ModelField {
  /** The field's own name: `title`, `quantity`, `to`. */
  name: string;
  /** Where it is, for messages: `todo.title`, `product.reserve(quantity)`, `option --to`. */
  place: string;
  /** The keys that lead to it in the model block, for its line. */
  path: string[];
  field: FieldDefinition;
}

export function modelFields(model: SpecModel | undefined): ModelField[] {
  if (model === undefined) return [];
  switch (model.kind) {
    case "http-service":
      return Object.entries(model.model.entities).flatMap(([entityName, entity]) => [
        ...Object.entries(entity.fields).map(([name, field]) => ({
          name,
          place: `${entityName}.${name}`,
          path: [entityName, "fields", name],
          field,
        })),
        ...Object.entries(entity.actions).flatMap(([actionName, action]) =>
          Object.entries(action.input).map(([name, field]) => ({
            name,
            place: `${entityName}.${actionName}(${name})`,
            path: [entityName, "actions", actionName, name],
            field,
          })),
        ),
      ]);
    case "cli": {
      const commands = [
        { prefix: "", keys: [] as string[], definition: model.model },
        ...Object.entries(model.model.commands ?? {}).map(([name, definition]) => ({
          prefix: `${name} `,
          keys: ["commands", name],
          definition,
        })),
      ];
      return commands.flatMap(({ prefix, keys, definition }) => [
        ...Object.entries(definition.options).map(([name, field]) => ({
          name,
          place: `${prefix}option --${name}`,
          path: [...keys, "options", name],
          field,
        })),
        ...definition.arguments.map((argument) => ({
          name: argument.name,
          place: `${prefix}argument ${argument.name}`,
          path: [...keys, "arguments", argument.name],
          field: argument,
        })),
      ]);
    }
    case "library":
      return Object.entries(model.model.functions).flatMap(([functionName, definition]) =>
        definition.parameters.map((parameter) => ({
          name: parameter.name,
          place: `${functionName}(${parameter.name})`,
          path: [functionName, "parameters", parameter.name],
          field: parameter,
        })),
      );
  }
}

/** The words a field is called in prose: `priceCents` → "pricecents" and "price cents". */
export function spokenNames(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .toLowerCase();
  return [...new Set([name.toLowerCase(), spaced])];
}
