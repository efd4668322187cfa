/**
 * The names the scaffolded service uses for what the model declares: per entity its record type
 * (`Product`), its resource on the server (`products`), its field rules (`productFields`); per action
 * its exported descriptor (`reserveProduct`), its function, its input's rules and type. Every top-level
 * name is unique across the service's modules and never a reserved word or a name the modules define.
 */
import type {
  ActionDefinition,
  EntityDefinition,
  HttpServiceModel,
  Spec,
} from "../../contracts/spec.js";

export interface ServicePlan {
  /** The spec's name: the package's name. */
  name: string;
  title: string;
  description?: string;
  model: HttpServiceModel;
  entities: EntityPlan[];
}

export interface EntityPlan {
  name: string;
  path: string;
  definition: EntityDefinition;
  /** `Product`: the record's type in actions.ts. */
  typeName: string;
  /** `product`: the record inside an action's function. */
  recordVariable: string;
  /** `products`: the resource on the server. */
  resource: string;
  /** `Products`: in OpenAPI operation ids (`listProducts`). */
  pluralName: string;
  /** `productFields`: the field rules in validation.ts. */
  fieldsConstant: string;
  actions: ActionPlan[];
}

export interface ActionPlan {
  name: string;
  definition: ActionDefinition;
  /** `reserveProduct`: what actions.ts exports for the server. */
  descriptor: string;
  /** `reserve`: the function that checks the rules and computes the effects. */
  functionName: string;
  /** `productReserveInput`: the input's rules in validation.ts. */
  inputConstant: string;
  /** `ProductReserveInput`: the input's type in actions.ts. */
  inputType: string;
}

const reservedWords = `
  abstract any arguments as async await boolean break case catch class const constructor continue
  debugger declare default delete do else enum eval export extends false finally for from function get
  if implements import in infer instanceof interface is keyof let module namespace never new null
  number object of package private protected public readonly require return set static string super
  switch symbol this throw true try type typeof undefined unique unknown var void while with yield
  Array Boolean Buffer Error Infinity JSON Map Math NaN Number Object Promise RegExp Set String
  TextDecoder URLSearchParams console process`;

/** The names the generated modules define themselves. */
const moduleNames = `
  Action ActionOutcome Call Collection FieldRules FieldType Fields JsonBody JsonObject MemoryCollection
  Reply Resource Route StoredRecord Validation applied changeProblem createRecord createServer
  decodeSegment defaultLimit deleteRecord emailPattern fieldsProblem handle hasType host idField
  IncomingMessage isCalendarDate isJsonContentType isJsonObject listRecords matchPath maximumBodyBytes
  maximumLimit notFound port quoted randomUUID rangeProblem readBody readJson readRecord refusal
  refused resource routes runAction send server ServerResponse splitUrl statuses textProblem
  typeDescriptions updateRecord validateInput validateRecord valueProblem wholeNumber withDefaults`;

/** Hands out identifiers, each once: a taken one gets a number (`products2`). */
export class NameTable {
  readonly #taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.#taken.add(name);
  }

  claim(candidate: string): string {
    let name = candidate;
    for (let suffix = 2; this.#taken.has(name); suffix += 1) name = `${candidate}${suffix}`;
    this.#taken.add(name);
    return name;
  }
}

const reserved = `${reservedWords} ${moduleNames}`.split(/\s+/).filter((word) => word !== "");

/** Names an action's function uses for itself besides the record: they cannot name the record. */
const actionLocals = new Set([...reserved, "input"]);

export function planService(spec: Spec, model: HttpServiceModel): ServicePlan {
  const names = new NameTable(reserved);
  const entities = Object.entries(model.entities).map(([name, definition]) =>
    planEntity(name, definition, names),
  );
  return {
    name: spec.frontMatter.name,
    title: spec.title,
    ...(spec.frontMatter.description === undefined
      ? {}
      : { description: spec.frontMatter.description }),
    model,
    entities,
  };
}

function planEntity(name: string, definition: EntityDefinition, names: NameTable): EntityPlan {
  const path = definition.path ?? `/${name}s`;
  const typeName = names.claim(pascalCase(name));
  const lastSegment = path.split("/").at(-1) ?? `${name}s`;
  const plural = camelCase(lastSegment);
  return {
    name,
    path,
    definition,
    typeName,
    recordVariable: actionLocals.has(camelCase(name)) ? "record" : camelCase(name),
    resource: names.claim(/^[A-Za-z_$][\w$]*$/.test(plural) ? plural : `${camelCase(name)}s`),
    pluralName: pascalCase(lastSegment),
    fieldsConstant: names.claim(`${camelCase(name)}Fields`),
    actions: Object.entries(definition.actions).map(([action, actionDefinition]) => ({
      name: action,
      definition: actionDefinition,
      descriptor: names.claim(`${camelCase(action)}${typeName}`),
      functionName: names.claim(camelCase(action)),
      inputConstant: names.claim(`${camelCase(name)}${pascalCase(action)}Input`),
      inputType: names.claim(`${typeName}${pascalCase(action)}Input`),
    })),
  };
}

/** `todo_item` or `todo-item` → `TodoItem`; `priceCents` → `PriceCents`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}
