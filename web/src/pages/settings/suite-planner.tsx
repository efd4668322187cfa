/**
 * The planner beside the profile form: as a threshold or a confidence changes, the unsaved definition is
 * planned (POST /api/plan, ~300 ms after the last keystroke) and each category shows the scenarios a
 * flawless run needs to demonstrate its threshold, how many failures the suite absorbs, and whether a
 * suite of the given size can approve a build at all. What a threshold costs, in trials, before any is run.
 */
import { useEffect, useState } from "react";
import type { ProfileDefinition } from "../../../../src/contracts/config.js";
import {
  type ScenarioCategory,
  scenarioCategories,
} from "../../../../src/contracts/scenario-category.js";
import { planRoute } from "../../../../src/server/routes/settings/settings-routes.js";
import { useApi } from "../../api/api-context.js";
import type { RouteAnswer } from "../../api/call-route.js";
import { StateBadge } from "../../components/state-badge.js";
import { isProfileName, percentText } from "./profile-draft.js";
import { useDebouncedValue } from "./use-debounced-value.js";

type SuitePlan = RouteAnswer<typeof planRoute>;
type SuiteSizeTexts = Record<ScenarioCategory, string>;

/** The suite the scenario generators make unless told otherwise. */
const defaultSuite: SuiteSizeTexts = { normal: "100", edge: "50", malicious: "30" };

function suiteOf(texts: SuiteSizeTexts): Record<ScenarioCategory, number> | undefined {
  const suite = {} as Record<ScenarioCategory, number>;
  for (const category of scenarioCategories) {
    const text = texts[category].trim();
    if (!/^\d{1,6}$/.test(text)) return undefined;
    suite[category] = Number(text);
  }
  return suite;
}

export function SuitePlanner({
  definition,
  name,
}: {
  definition: ProfileDefinition | undefined;
  /** The name it would be saved under (a built-in's name plans a change to that built-in). */
  name: string;
}) {
  const api = useApi();
  const [suiteTexts, setSuiteTexts] = useState(defaultSuite);
  const suite = suiteOf(suiteTexts);
  const request =
    definition === undefined || suite === undefined
      ? undefined
      : {
          profile: definition,
          suite,
          ...(isProfileName(name.trim()) ? { name: name.trim() } : {}),
        };
  const settledRequest = useDebouncedValue(JSON.stringify(request ?? null), 300);
  const [plan, setPlan] = useState<SuitePlan>();
  const [error, setError] = useState<string>();
  const [planning, setPlanning] = useState(false);

  useEffect(() => {
    const body = JSON.parse(settledRequest) as typeof request | null;
    if (body === null || body === undefined) return;
    let current = true;
    setPlanning(true);
    api
      .call(planRoute, { json: body })
      .then((answer) => {
        if (!current) return;
        setPlan(answer);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (current) setError(failure instanceof Error ? failure.message : String(failure));
      })
      .finally(() => {
        if (current) setPlanning(false);
      });
    return () => {
      current = false;
    };
  }, [api, settledRequest]);

  const stale = request === undefined || JSON.stringify(request) !== settledRequest || planning;
  return (
    <section className="card" data-testid="planner" data-stale={stale} aria-busy={stale}>
      <h2 className="card-title">
        Planner
        <span className="count muted small">{planning ? "planning…" : ""}</span>
      </h2>
      <p className="muted small">
        Scenarios a flawless run needs to demonstrate each threshold at its confidence (one-sided
        bound), and what a suite of this size can do. Unsaved changes are planned as you type.
      </p>
      <div className="form-row">
        {scenarioCategories.map((category) => (
          <div className="field" key={category}>
            <label htmlFor={`suite-${category}`}>{category} scenarios in the suite</label>
            <input
              id={`suite-${category}`}
              inputMode="numeric"
              value={suiteTexts[category]}
              onChange={(event) =>
                setSuiteTexts((previous) => ({ ...previous, [category]: event.target.value }))
              }
            />
          </div>
        ))}
      </div>
      {suite === undefined ? (
        <div className="field-error">Suite sizes are whole numbers of scenarios.</div>
      ) : null}
      {definition === undefined ? (
        <p className="muted">Fix the profile's fields to plan it.</p>
      ) : null}
      {error === undefined ? null : (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {plan === undefined ? null : (
        <div className="plan-table">
          <PlanTable plan={plan} />
        </div>
      )}
    </section>
  );
}

function PlanTable({ plan }: { plan: SuitePlan }) {
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th>category</th>
            <th className="number" title="at the confidence the form gives">
              threshold
            </th>
            <th className="number" title="flawless trials that demonstrate the threshold">
              needs
            </th>
            <th className="number">suite</th>
            <th className="number" title="failed scenarios with which the suite still approves">
              fails ok
            </th>
            <th>approves</th>
          </tr>
        </thead>
        <tbody>
          {plan.categories.map((category) => (
            <tr key={category.category} data-testid={`plan-${category.category}`}>
              <td>{category.category}</td>
              <td className="number">{percentText(category.threshold)}%</td>
              <td className="number" data-testid={`plan-${category.category}-needed`}>
                {category.trialsToDemonstrate.toLocaleString("en-US")}
              </td>
              <td className="number">{category.scenarios.toLocaleString("en-US")}</td>
              <td className="number">
                {category.failuresTolerated < 0 ? "–" : category.failuresTolerated}
              </td>
              <td>
                {category.canApprove ? (
                  <StateBadge state="good" label="yes" />
                ) : (
                  <StateBadge
                    state="bad"
                    label={`add ${category.scenariosToAdd.toLocaleString("en-US")}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={plan.canApprove ? "muted" : "field-error"} data-testid="plan-verdict">
        {plan.canApprove
          ? "This suite can approve a build under this profile."
          : `This suite can never approve a build under this profile: add ${plan.scenariosToAdd.toLocaleString("en-US")} scenarios as shown.`}
      </p>
    </>
  );
}
