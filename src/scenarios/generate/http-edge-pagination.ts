/**
 * Edge scenarios of a paged list. First both sides of each bound of its parameters, twice — alone and
 * with the other parameter: `limit` at `maximumLimit` and one above, at 1 and at 0, `page` at 1 and at 0
 * (a check that is missing, flipped or off by one fails two scenarios). Then the other ends: a page past
 * the end is empty, no parameters give at most `defaultLimit`, and values that are not whole numbers.
 */
import type { HttpStep } from "../../contracts/scenario.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { type HttpScenario, httpStep, refusal, scenario } from "./http-steps.js";

type Query = Record<string, string | number>;

interface ListBound {
  label: string;
  parameter: string;
  refused: number;
  accepted: number;
}

function tagsOf(entity: EntityInfo, aspect?: string): string[] {
  const tags = [`entity:${entity.name}`, "operation:list", "aspect:pagination"];
  return aspect === undefined ? tags : [...tags, `aspect:${aspect}`];
}

/** A page of at most `maxItems` items. */
function pageOf(context: HttpContext, maxItems: number): HttpStep["expect"] {
  const { http } = context.model;
  return [
    { status: 200 },
    {
      jsonSchema: {
        type: "object",
        required: [http.itemsField, http.totalField],
        properties: { [http.itemsField]: { type: "array", maxItems } },
      },
    },
  ];
}

function describeQuery(query: Query): string {
  return Object.entries(query)
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** Each bound of `limit` and `page`, its refused side then its accepted one, alone then combined. */
export function paginationPairScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  if (!context.supports(entity, "list")) return [];
  const { model } = context;
  const { http } = model;
  const page = http.pageParameter;
  const limit = http.limitParameter;
  const bounds: ListBound[] = [
    {
      label: "limit-maximum",
      parameter: limit,
      refused: http.maximumLimit + 1,
      accepted: http.maximumLimit,
    },
    { label: "limit-minimum", parameter: limit, refused: 0, accepted: 1 },
    { label: "page-minimum", parameter: page, refused: 0, accepted: 1 },
  ];
  // The other parameter of the combined site: a second page, or a page of one.
  const companion = (bound: ListBound): Query =>
    bound.parameter === limit ? { [page]: 2 } : { [limit]: 1 };
  const sites: [suffix: string, extra: (bound: ListBound) => Query][] = [
    ["", () => ({})],
    ["-combined", companion],
  ];
  return sites.flatMap(([suffix, extra]) =>
    bounds.map((bound) => {
      const refused: Query = { ...extra(bound), [bound.parameter]: bound.refused };
      const accepted: Query = { ...extra(bound), [bound.parameter]: bound.accepted };
      const size = Number(accepted[limit] ?? http.defaultLimit);
      return scenario({
        id: `edge/${entity.name}/list-${bound.label}-bound${suffix}`,
        category: "edge",
        title: `A list with ${describeQuery(refused)} is refused; with ${describeQuery(accepted)} it answers a page`,
        tags: tagsOf(entity, "validation"),
        steps: [
          httpStep("GET", entity.path, refusal(model, model.errors.validation), { query: refused }),
          httpStep("GET", entity.path, pageOf(context, size), { query: accepted }),
        ],
      });
    }),
  );
}

/** The other ends of a paged list: past the last page, no parameters, values that are not numbers. */
export function paginationScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  if (!context.supports(entity, "list")) return [];
  const { model } = context;
  const { http } = model;
  const page = http.pageParameter;
  const limit = http.limitParameter;
  const list = (label: string, title: string, query: Query, expect: HttpStep["expect"]) =>
    scenario({
      id: `edge/${entity.name}/list-${label}`,
      category: "edge",
      title,
      tags: tagsOf(entity, label === "default-limit" ? "default" : undefined),
      steps: [httpStep("GET", entity.path, expect, { query })],
    });
  const invalid: [string, Query][] = [
    ["limit-not-a-number", { [limit]: "abc" }],
    ["limit-fraction", { [limit]: "2.5" }],
    ["page-negative", { [page]: -1 }],
    ["page-not-a-number", { [page]: "abc" }],
  ];
  return [
    list(
      "past-the-end",
      "A page past the end of the list is empty",
      { [page]: 1_000_000, [limit]: http.maximumLimit },
      [{ status: 200 }, { jsonSubset: { [http.itemsField]: [] } }],
    ),
    list(
      "default-limit",
      `Without parameters a page holds at most ${http.defaultLimit}`,
      {},
      pageOf(context, http.defaultLimit),
    ),
    ...invalid.map(([label, query]) =>
      scenario({
        id: `edge/${entity.name}/list-${label}`,
        category: "edge",
        title: `A list with ${describeQuery(query)} is refused`,
        tags: tagsOf(entity, "validation"),
        steps: [httpStep("GET", entity.path, refusal(model, model.errors.validation), { query })],
      }),
    ),
  ];
}
