/**
 * Writes the scaffolded service's `src/actions.ts` (only when the model has actions): per action, its
 * rules in order (the first that is false refuses with its status and error) and its effects computed
 * from the record as it was, each translated from filtrex to TypeScript. The server validates the input
 * before and checks the changed fields after (a broken constraint is a conflict).
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import {
  docComment,
  importStatement,
  lines,
  lineWidth,
  literal,
  objectLiteral,
} from "./code-text.js";
import { translateExpression, translateRefusal, variablesRead } from "./expression-translator.js";
import type { ActionPlan, EntityPlan, ServicePlan } from "./service-plan.js";

const tsTypes: Record<FieldDefinition["type"], string> = {
  string: "string",
  date: "string",
  email: "string",
  integer: "number",
  number: "number",
  boolean: "boolean",
};

/** Whether every record (or input, once its defaults are applied) has a value for the field. */
function alwaysPresent(field: FieldDefinition): boolean {
  return field.required || field.default !== undefined;
}

function objectType(
  name: string,
  comment: string,
  fields: [string, FieldDefinition][],
  idField?: string,
): string {
  const members = fields.map(
    ([field, definition]) =>
      `  ${field}${alwaysPresent(definition) ? "" : "?"}: ${tsTypes[definition.type]};`,
  );
  return lines(
    docComment(comment),
    `type ${name} = {`,
    idField !== undefined && `  ${idField}: string;`,
    ...members,
    "};",
  );
}

/** What the action's function reads, and its body. */
interface ActionCode {
  readsRecord: boolean;
  readsInput: boolean;
  statements: string[];
}

/** `if (condition) return value;`, or a block when that does not fit in a line. */
function guard(condition: string, result: string): string {
  const oneLine = `  if (${condition}) return ${result};`;
  if (oneLine.length <= lineWidth) return oneLine;
  return `  if (${condition}) {\n    return ${result};\n  }`;
}

function actionCode(plan: ServicePlan, entity: EntityPlan, action: ActionPlan): ActionCode {
  const { input, requires, effects } = action.definition;
  const { errors } = plan.model;
  const record = entity.recordVariable;
  const scope = (name: string) => {
    if (Object.hasOwn(input, name)) return `input.${name}`;
    return Object.hasOwn(entity.definition.fields, name) ? `${record}.${name}` : undefined;
  };
  const code: ActionCode = { readsRecord: false, readsInput: false, statements: [] };
  const checked = new Set<string>();
  /** A refusal for each variable the expression reads that may have no value, the first time. */
  const guardAbsent = (expression: string) => {
    for (const name of variablesRead(expression)) {
      const fromInput = Object.hasOwn(input, name);
      if (fromInput) code.readsInput = true;
      else code.readsRecord = true;
      const { fields } = entity.definition;
      const field = fromInput
        ? input[name]
        : Object.hasOwn(fields, name)
          ? fields[name]
          : undefined;
      if (checked.has(name) || field === undefined || alwaysPresent(field)) continue;
      checked.add(name);
      const [status, reason] = fromInput
        ? [errors.validation, `${action.name} needs ${name}`]
        : [errors.conflict, `the ${entity.name} has no ${name}, which ${action.name} needs`];
      code.statements.push(
        guard(`${scope(name)} === undefined`, `refused(${status}, ${literal(reason)})`),
      );
    }
  };
  for (const rule of requires) {
    guardAbsent(rule.check);
    code.statements.push(
      guard(translateRefusal(rule.check, scope), `refused(${rule.status}, ${literal(rule.error)})`),
    );
  }
  const changes: [string, string][] = [];
  for (const [field, expression] of Object.entries(effects)) {
    guardAbsent(expression);
    changes.push([field, translateExpression(expression, scope)]);
  }
  code.statements.push(
    `  return applied(${objectLiteral(changes, "  ", "return applied(".length + 2)});`,
  );
  return code;
}

function renderAction(entity: EntityPlan, action: ActionPlan, code: ActionCode): string {
  const inputFields = Object.entries(action.definition.input);
  const parameters = [
    code.readsRecord && `${entity.recordVariable}: ${entity.typeName}`,
    code.readsInput && `input: ${action.inputType}`,
  ].filter((parameter) => parameter !== false);
  const runParameters = code.readsInput
    ? [code.readsRecord ? "record" : "_record", "input"]
    : code.readsRecord
      ? ["record"]
      : [];
  const runArguments = [
    code.readsRecord && `record as ${entity.typeName}`,
    code.readsInput && `input as ${action.inputType}`,
  ].filter((argument) => argument !== false);
  const inputComment = `The input of ${action.name}, its defaults applied.`;
  return lines(
    code.readsInput && `${objectType(action.inputType, inputComment, inputFields)}\n`,
    docComment(action.definition.description ?? `The ${action.name} action of a ${entity.name}.`),
    `export const ${action.descriptor}: Action = {`,
    `  name: ${literal(action.name)},`,
    `  input: ${action.inputConstant},`,
    `  status: ${action.definition.status},`,
    `  run: (${runParameters.join(", ")}) => ${action.functionName}(${runArguments.join(", ")}),`,
    "};",
    "",
    `function ${action.functionName}(${parameters.join(", ")}): ActionOutcome {`,
    ...code.statements,
    "}",
  );
}

function renderEntityActions(plan: ServicePlan, entity: EntityPlan): string {
  const codes = entity.actions.map((action) => actionCode(plan, entity, action));
  const actions = entity.actions.map((action, index) =>
    renderAction(entity, action, codes[index] as ActionCode),
  );
  const recordType = objectType(
    entity.typeName,
    `A ${entity.name} as its actions read it.`,
    Object.entries(entity.definition.fields),
    plan.model.http.idField,
  );
  const readsRecord = codes.some((code) => code.readsRecord);
  return lines(readsRecord && `${recordType}\n`, actions.join("\n\n"));
}

export function renderActions(plan: ServicePlan): string | undefined {
  const entities = plan.entities.filter((entity) => entity.actions.length > 0);
  if (entities.length === 0) return undefined;
  const body = entities.map((entity) => renderEntityActions(plan, entity)).join("\n\n");
  const refuses = /\brefused\(/.test(body);
  const inputConstants = entities.flatMap((entity) =>
    entity.actions.map((action) => action.inputConstant),
  );
  return `${lines(
    docComment(
      `The actions of ${plan.name}, beyond create, read, update and delete. Each checks its rules in order (the first that is false refuses with its status and error, and nothing changes) and computes its effects from the record as it was before. The server validates the input first and checks the changed fields against their rules after: a change that breaks one is a conflict.`,
    ),
    'import type { StoredRecord } from "./store.js";',
    importStatement(
      ["type Fields", "type JsonObject", ...[...inputConstants].sort()],
      "./validation.js",
    ),
    "",
    "/** What an action decided: the fields to change, or why it refuses. */",
    "export type ActionOutcome =",
    '  | { kind: "applied"; changes: JsonObject }',
    '  | { kind: "refused"; status: number; error: string };',
    "",
    "/** An action as the server runs it, once its input is valid. */",
    "export interface Action {",
    "  name: string;",
    "  input: Fields;",
    "  /** What it answers when it is applied. */",
    "  status: number;",
    "  run(record: StoredRecord, input: JsonObject): ActionOutcome;",
    "}",
    "",
    body,
    "",
    "function applied(changes: JsonObject): ActionOutcome {",
    '  return { kind: "applied", changes };',
    "}",
    refuses && "",
    refuses && "function refused(status: number, error: string): ActionOutcome {",
    refuses && '  return { kind: "refused", status, error };',
    refuses && "}",
  )}\n`;
}
