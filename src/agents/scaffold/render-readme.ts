/**
 * Writes the scaffolded service's `README.md`: what it is, how to run and rebuild it, its endpoints,
 * each entity's fields and actions with their rules, and how it refuses a request.
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import type { EntityPlan, ServicePlan } from "./service-plan.js";

/** Text in a Markdown table cell: on one line, with its pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export function fieldRules(field: FieldDefinition): string {
  const rules: string[] = [];
  if (field.required) rules.push("required");
  if (field.readOnly) rules.push("read-only (set by the service)");
  if (field.unique) rules.push("unique");
  if (field.min !== undefined) rules.push(`at least ${field.min}`);
  if (field.max !== undefined) rules.push(`at most ${field.max}`);
  if (field.minLength !== undefined) rules.push(`at least ${field.minLength} characters`);
  if (field.maxLength !== undefined) rules.push(`at most ${field.maxLength} characters`);
  if (field.pattern !== undefined) rules.push(`matches ${code(field.pattern)}`);
  if (field.enum !== undefined)
    rules.push(`one of ${field.enum.map((value) => code(String(value))).join(", ")}`);
  if (field.default !== undefined) rules.push(`default ${code(JSON.stringify(field.default))}`);
  return rules.join(", ");
}

function fieldTable(fields: Record<string, FieldDefinition>): string[] {
  return [
    "| field | type | rules | description |",
    "| ----- | ---- | ----- | ----------- |",
    ...Object.entries(fields).map(
      ([name, field]) =>
        `| ${code(name)} | ${field.type} | ${cell(fieldRules(field))} | ${cell(field.description ?? "")} |`,
    ),
  ];
}

function endpoints(plan: ServicePlan): string[] {
  const { http } = plan.model;
  const rows = [`| GET | ${code(http.health)} | 200 when the service is up |`];
  for (const entity of plan.entities) {
    const { operations } = entity.definition;
    const one = `${entity.path}/{id}`;
    if (operations.includes("list")) {
      rows.push(
        `| GET | ${code(`${entity.path}?${http.pageParameter}=P&${http.limitParameter}=L`)} | 200 and ${code(`{ ${http.itemsField}, ${http.pageParameter}, ${http.limitParameter}, ${http.totalField} }`)}, in creation order |`,
      );
    }
    if (operations.includes("create")) {
      rows.push(`| POST | ${code(entity.path)} | 201 and the ${entity.name} as stored |`);
    }
    if (operations.includes("read"))
      rows.push(`| GET | ${code(one)} | 200 and the ${entity.name} |`);
    if (operations.includes("update")) {
      rows.push(
        `| PATCH | ${code(one)} | 200 and the whole ${entity.name}, changed in the fields sent |`,
      );
    }
    if (operations.includes("delete")) rows.push(`| DELETE | ${code(one)} | 204 |`);
    for (const action of entity.actions) {
      rows.push(
        `| ${action.definition.method} | ${code(`${one}/${action.name}`)} | ${action.definition.status} and the ${entity.name}${action.definition.description === undefined ? "" : `: ${cell(action.definition.description)}`} |`,
      );
    }
  }
  return ["| method | path | answer |", "| ------ | ---- | ------ |", ...rows];
}

function entitySection(plan: ServicePlan, entity: EntityPlan): string[] {
  const section = [
    `### ${entity.name} (${code(entity.path)})`,
    "",
    ...(entity.definition.description === undefined ? [] : [entity.definition.description, ""]),
    `The service gives each ${entity.name} its id, ${code(plan.model.http.idField)}; its fields are:`,
    "",
    ...fieldTable(entity.definition.fields),
  ];
  for (const action of entity.actions) {
    const { definition } = action;
    section.push("", `#### ${action.name}`, "");
    if (definition.description !== undefined) section.push(definition.description, "");
    if (Object.keys(definition.input).length > 0) {
      section.push("Input:", "", ...fieldTable(definition.input), "");
    }
    if (definition.requires.length > 0) {
      section.push(
        "Rules, checked in order; the first that is false refuses and nothing changes:",
        "",
      );
      for (const rule of definition.requires) {
        section.push(`- ${code(rule.check)}, else ${rule.status} ${code(rule.error)}`);
      }
      section.push("");
    }
    const effects = Object.entries(definition.effects);
    section.push(
      effects.length === 0
        ? "Effects: none."
        : `Effects, computed from the values before the action: ${effects.map(([field, expression]) => code(`${field} = ${expression}`)).join(", ")}. A result that breaks a field's rules answers ${plan.model.errors.conflict} and changes nothing.`,
    );
  }
  return section;
}

export function renderReadme(plan: ServicePlan): string {
  const { errors, http } = plan.model;
  const hasActions = plan.entities.some((entity) => entity.actions.length > 0);
  return `${[
    `# ${plan.title}`,
    "",
    ...(plan.description === undefined ? [] : [plan.description, ""]),
    `This service was written by shopfloor's scaffold agent from the structured model of the spec ${code(plan.name)}. It is plain Node.js (20 or later) with no runtime dependencies, and keeps its records in memory: nothing survives a restart.`,
    "",
    "## Run it",
    "",
    "```sh",
    "node dist/server.js                       # listens on 127.0.0.1:8080",
    "HOST=0.0.0.0 PORT=3000 node dist/server.js",
    "```",
    "",
    "The compiled JavaScript in `dist/` is part of the repository, so it runs without an install. After changing `src/`, rebuild it with `npm install && npm run build` (TypeScript, strict).",
    "",
    "## Endpoints",
    "",
    ...endpoints(plan),
    "",
    `A page is ${code(http.pageParameter)} from 1 (default 1) and ${code(http.limitParameter)} from 1 to ${http.maximumLimit} (default ${http.defaultLimit}). The full contract is in [openapi.json](openapi.json).`,
    "",
    "## Records",
    "",
    ...plan.entities.flatMap((entity) => [...entitySection(plan, entity), ""]),
    "## Errors",
    "",
    `A refused request changes nothing and answers a JSON object whose ${code(errors.messageField)} says why:`,
    "",
    `- ${errors.validation}: the body is not a JSON object, or breaks a field's rules (wrong type, \`null\`, out of range, too long or short, not matching its pattern or enum, not a real date, not an email), or holds a field the record does not have, its id, or a read-only field;`,
    `- ${errors.notFound}: no record has the id, or no endpoint has the path; 405 when the path has no such method;`,
    `- ${errors.conflict}: another record already has the value of a unique field${hasActions ? ", or an action's result would break a field's rules" : ""};`,
    `- 413: the body is larger than ${http.maximumBodyBytes} bytes; 415: the body is not \`application/json\`.`,
    "",
    "## Files",
    "",
    "- `src/server.ts`: the routes, reading bodies, and the answers;",
    "- `src/validation.ts`: the rules of every field;",
    "- `src/store.ts`: the in-memory store, with an index per unique field;",
    ...(hasActions ? ["- `src/actions.ts`: the actions' rules and effects;"] : []),
    "- `openapi.json`: the OpenAPI 3.1 description of the API;",
    "- `dist/`: the compiled JavaScript that runs.",
  ].join("\n")}\n`;
}
