/**
 * Checks across a model that its schema cannot make: defaults and enum values that their own field would
 * refuse, actions whose inputs shadow fields or whose expressions name what does not exist, examples that
 * cite unknown acceptance criteria or whose steps are not steps of the spec's kind.
 */
import type { z } from "zod";
import type { InputProblem } from "../contracts/invalid-input.js";
import { CliStep, FunctionStep, HttpStep } from "../contracts/scenario.js";
import type {
  CliModel,
  EntityDefinition,
  FieldDefinition,
  ModelExample,
  SpecKind,
  SpecModel,
} from "../contracts/spec.js";
import { expressionProblem } from "./expression-check.js";
import { hasType, valueProblem } from "./field-value.js";
import { type BlockPlace, problemAt, schemaMessages, schemaProblems } from "./schema-problems.js";

interface LocatedField {
  path: PropertyKey[];
  field: FieldDefinition;
}

const stepSchemas: Record<SpecKind, z.ZodType> = {
  "http-service": HttpStep,
  cli: CliStep,
  library: FunctionStep,
};

export function checkModel(
  specModel: SpecModel,
  criterionIds: readonly string[],
  place: BlockPlace,
): InputProblem[] {
  const problems = fieldsOf(specModel).flatMap((located) => checkField(located, place));
  if (specModel.kind === "http-service") {
    for (const [name, entity] of Object.entries(specModel.model.entities))
      problems.push(...checkActions(name, entity, place));
  }
  if (specModel.kind === "cli") problems.push(...checkCliRules(specModel.model, place));
  const { examples } = specModel.model;
  problems.push(...checkExamples(examples, specModel.kind, criterionIds, place));
  return problems;
}

function fieldsOf(specModel: SpecModel): LocatedField[] {
  const located: LocatedField[] = [];
  const addRecord = (path: PropertyKey[], fields: Record<string, FieldDefinition>) => {
    for (const [name, field] of Object.entries(fields))
      located.push({ path: [...path, name], field });
  };
  const addList = (path: PropertyKey[], fields: readonly FieldDefinition[]) => {
    for (const [index, field] of fields.entries()) located.push({ path: [...path, index], field });
  };
  if (specModel.kind === "http-service") {
    for (const [name, entity] of Object.entries(specModel.model.entities)) {
      addRecord(["entities", name, "fields"], entity.fields);
      for (const [action, definition] of Object.entries(entity.actions))
        addRecord(["entities", name, "actions", action, "input"], definition.input);
    }
  } else if (specModel.kind === "cli") {
    const { model } = specModel;
    addList(["arguments"], model.arguments);
    addRecord(["options"], model.options);
    for (const [name, command] of Object.entries(model.commands ?? {})) {
      addList(["commands", name, "arguments"], command.arguments);
      addRecord(["commands", name, "options"], command.options);
    }
  } else {
    for (const [name, definition] of Object.entries(specModel.model.functions)) {
      addList(["functions", name, "parameters"], definition.parameters);
      if (definition.returns)
        located.push({ path: ["functions", name, "returns"], field: definition.returns });
    }
  }
  return located;
}

function checkField({ path, field }: LocatedField, place: BlockPlace): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [index, value] of (field.enum ?? []).entries()) {
    if (!hasType(field.type, value))
      problems.push(
        problemAt(
          place,
          [...path, "enum", index],
          `enum value ${JSON.stringify(value)} is not a valid ${field.type}`,
        ),
      );
  }
  if (field.default === undefined) return problems;
  const reason = valueProblem(field, field.default);
  if (reason !== undefined)
    problems.push(
      problemAt(place, [...path, "default"], `the default breaks its own field: ${reason}`),
    );
  return problems;
}

function checkActions(
  entityName: string,
  entity: EntityDefinition,
  place: BlockPlace,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const fieldNames = Object.keys(entity.fields);
  for (const [actionName, action] of Object.entries(entity.actions)) {
    const at = (...path: PropertyKey[]) => ["entities", entityName, "actions", actionName, ...path];
    const inputNames = Object.keys(action.input);
    for (const name of inputNames.filter((input) => fieldNames.includes(input))) {
      const message = `the input "${name}" has the name of a field of ${entityName}; in expressions the two could not be told apart, so rename the input`;
      problems.push(problemAt(place, at("input", name), message));
    }
    const variables = [...new Set([...fieldNames, ...inputNames])];
    for (const [index, rule] of action.requires.entries()) {
      const reason = expressionProblem(rule.check, variables);
      if (reason !== undefined)
        problems.push(problemAt(place, at("requires", index, "check"), reason));
    }
    for (const [field, expression] of Object.entries(action.effects)) {
      if (!fieldNames.includes(field)) {
        const message = `"${field}" is not a field of ${entityName}; effects set its fields (${fieldNames.join(", ")})`;
        problems.push(problemAt(place, at("effects", field), message));
        continue;
      }
      const reason = expressionProblem(expression, variables);
      if (reason !== undefined) problems.push(problemAt(place, at("effects", field), reason));
    }
  }
  return problems;
}

type CliCommandDefinition = Pick<CliModel, "arguments" | "options" | "requires">;

/** A cli rule's variables are the command's parameters, `-` written `_` (`dry-run` → `dry_run`). */
function checkCliRules(model: CliModel, place: BlockPlace): InputProblem[] {
  const commands: [PropertyKey[], CliCommandDefinition][] = [
    [[], model],
    ...Object.entries(model.commands ?? {}).map(
      ([name, command]): [PropertyKey[], CliCommandDefinition] => [["commands", name], command],
    ),
  ];
  return commands.flatMap(([path, command]) => {
    const variables = [
      ...command.arguments.map((argument) => argument.name),
      ...Object.keys(command.options),
    ].map((name) => name.replaceAll("-", "_"));
    return command.requires.flatMap((rule, index) => {
      const reason = expressionProblem(rule.check, variables);
      return reason === undefined
        ? []
        : [problemAt(place, [...path, "requires", index, "check"], reason)];
    });
  });
}

function checkExamples(
  examples: readonly ModelExample[],
  kind: SpecKind,
  criterionIds: readonly string[],
  place: BlockPlace,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const known =
    criterionIds.length === 0
      ? "the spec has no acceptance criteria"
      : `the criteria are ${[...new Set(criterionIds)].join(", ")}`;
  for (const [index, example] of examples.entries()) {
    for (const [position, id] of example.criteria.entries()) {
      if (criterionIds.includes(id)) continue;
      const message = `${id} is not an acceptance criterion of this spec; ${known}`;
      problems.push(problemAt(place, ["examples", index, "criteria", position], message));
    }
    for (const [position, step] of example.steps.entries()) {
      const parsed = stepSchemas[kind].safeParse(step, { error: schemaMessages });
      if (parsed.success) continue;
      problems.push(
        ...schemaProblems(parsed.error.issues, place, ["examples", index, "steps", position]),
      );
    }
  }
  return problems;
}
