/**
 * The budget form's values as a person types them, and the change they make: only the values that
 * differ from the policy in force go into the PUT /api/budget body (so the others keep their origin),
 * amounts typed in dollars are checked to the micro-dollar, and an emptied cap is sent as 0 (no cap).
 */
import type { SettingSource } from "../../../../src/ledger/budget-policy.js";
import type {
  budgetRoute,
  changeBudgetRoute,
} from "../../../../src/server/routes/money/money-routes.js";
import type { RouteAnswer, RouteInput } from "../../api/call-route.js";
import { formatTime } from "../../components/age.js";
import { checkSplit, percentsOfSplit, type SplitPercents, sameSplit } from "./split-shares.js";

export type BudgetStatus = RouteAnswer<typeof budgetRoute>;
type BudgetChange = NonNullable<RouteInput<typeof changeBudgetRoute>["json"]>;

const microPerUsd = 1_000_000;

/** Micro-dollars as the text of a dollar input: 1_000_000_000 → "1000". */
function usdText(microUsd: number | undefined): string {
  return microUsd === undefined ? "" : String(microUsd / microPerUsd);
}

/** A dollar amount typed by a person, in micro-dollars; undefined when it is not a positive amount. */
function microUsdOf(text: string): number | undefined {
  if (!/^\d+(\.\d{0,6})?$/.test(text.trim())) return undefined;
  const microUsd = Math.round(Number(text.trim()) * microPerUsd);
  return microUsd > 0 ? microUsd : undefined;
}

export interface BudgetDraft {
  dailyUsd: string;
  percents: SplitPercents;
  itemCapUsd: string;
  runCapUsd: string;
  reason: string;
}

export function budgetDraftOf(status: BudgetStatus): BudgetDraft {
  return {
    dailyUsd: usdText(status.policy.dailyMicroUsd),
    percents: percentsOfSplit(status.policy.split),
    itemCapUsd: usdText(status.policy.itemCapMicroUsd),
    runCapUsd: usdText(status.policy.runCapMicroUsd),
    reason: "",
  };
}

export interface BudgetDraftCheck {
  change: BudgetChange | undefined;
  problems: Partial<Record<"dailyUsd" | "split" | "itemCapUsd" | "runCapUsd", string>>;
}

/** The request body the draft makes: only the changed values; `change` undefined when invalid. */
export function budgetChangeOf(draft: BudgetDraft, status: BudgetStatus): BudgetDraftCheck {
  const policy = status.policy;
  const problems: BudgetDraftCheck["problems"] = {};
  const body: BudgetChange = { reason: draft.reason.trim() };
  const daily = microUsdOf(draft.dailyUsd);
  if (daily === undefined) problems.dailyUsd = "a dollar amount above 0, such as 250 or 99.50";
  else if (daily !== policy.dailyMicroUsd) body.dailyUsd = daily / microPerUsd;
  const split = checkSplit(draft.percents);
  if (split.split === undefined) problems.split = split.problem;
  else if (!sameSplit(split.split, policy.split)) body.split = split.split;
  const caps = [
    ["itemCapUsd", draft.itemCapUsd, policy.itemCapMicroUsd],
    ["runCapUsd", draft.runCapUsd, policy.runCapMicroUsd],
  ] as const;
  for (const [name, text, current] of caps) {
    // An empty cap removes it: the API takes 0 for "no cap".
    const wanted = text.trim() === "" ? undefined : microUsdOf(text);
    if (text.trim() !== "" && wanted === undefined) {
      problems[name] = "a dollar amount above 0, or empty for no cap";
    } else if (wanted !== current) {
      body[name] = wanted === undefined ? 0 : wanted / microPerUsd;
    }
  }
  const valid = Object.keys(problems).length === 0;
  return { change: valid ? body : undefined, problems };
}

/** Where a value in force comes from, in a few words. */
export function sourceText(source: SettingSource | undefined): string {
  if (source === undefined || source.from === "default") return "default";
  if (source.from === "config") return "from the config file";
  return `set by ${source.by}, ${formatTime(source.at)}: ${source.reason}`;
}
