/**
 * The daily budget, its split and the caps, editable by a `configure` token (PUT /api/budget). Only the
 * values a person changed are sent, so the others keep their origin (the config file or an earlier
 * change); a reason is required, as with `shopfloor budget set`. The split's sum is shown as it is typed.
 */
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { costCategories } from "../../../../src/contracts/cost-event.js";
import type { BudgetSettingName, SettingSource } from "../../../../src/ledger/budget-policy.js";
import { changeBudgetRoute } from "../../../../src/server/routes/money/money-routes.js";
import { useApi } from "../../api/api-context.js";
import { needsScope } from "../../api/session-context.js";
import { ErrorMessage } from "../../components/load-state.js";
import {
  type BudgetDraft,
  type BudgetStatus,
  budgetChangeOf,
  budgetDraftOf,
  sourceText,
} from "./budget-draft.js";
import { checkSplit } from "./split-shares.js";

/** The budget's dollar amounts, each a text field of the draft. */
const amountFields = [
  { name: "dailyUsd", label: "Daily budget (USD)", placeholder: undefined },
  { name: "itemCapUsd", label: "Cap per work item (USD)", placeholder: "no cap" },
  { name: "runCapUsd", label: "Cap per run (USD)", placeholder: "no cap" },
] as const;

export function BudgetForm({
  status,
  canConfigure,
  onSaved,
}: {
  status: BudgetStatus;
  canConfigure: boolean;
  onSaved: () => void;
}) {
  const api = useApi();
  const [draft, setDraft] = useState(() => budgetDraftOf(status));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState<string>();
  const { change, problems } = budgetChangeOf(draft, status);
  const changedValues =
    change === undefined ? [] : Object.keys(change).filter((key) => key !== "reason");
  const split = checkSplit(draft.percents);
  const sources = status.policy.sources as Record<BudgetSettingName, SettingSource>;
  const disabled = !canConfigure || saving;
  const policyKey = JSON.stringify(status.policy);

  // A new policy (this form's save, or a change made elsewhere) is the new starting point.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the policy is compared by its JSON.
  useEffect(() => {
    setDraft(budgetDraftOf(status));
  }, [policyKey]);

  const update = (part: Partial<BudgetDraft>) => {
    setDraft((previous) => ({ ...previous, ...part }));
    setSaved(undefined);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (change === undefined || changedValues.length === 0 || change.reason === "") return;
    setSaving(true);
    setError(undefined);
    try {
      await api.call(changeBudgetRoute, { json: change });
      setSaved(`Saved: ${changedValues.join(", ")}.`);
      setDraft((previous) => ({ ...previous, reason: "" }));
      onSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card settings-form" data-testid="budget-form" onSubmit={submit}>
      <h2 className="card-title">Daily budget</h2>
      <div className="form-row">
        {amountFields.map(({ name, label, placeholder }) => (
          <Field
            key={name}
            id={`budget-${name}`}
            label={label}
            problem={problems[name]}
            source={sourceText(sources[name])}
          >
            <input
              id={`budget-${name}`}
              name={name}
              inputMode="decimal"
              placeholder={placeholder}
              value={draft[name]}
              disabled={disabled}
              onChange={(event) => update({ [name]: event.target.value })}
            />
          </Field>
        ))}
      </div>
      <div className="field-label muted small">Split of the day ({sourceText(sources.split)})</div>
      <div className="form-row split-row">
        {costCategories.map((category) => (
          <div className="field" key={category}>
            <label htmlFor={`split-${category}`}>{category} (%)</label>
            <input
              id={`split-${category}`}
              name={`split-${category}`}
              inputMode="decimal"
              value={draft.percents[category]}
              disabled={disabled}
              onChange={(event) =>
                update({ percents: { ...draft.percents, [category]: event.target.value } })
              }
            />
          </div>
        ))}
        <div
          className="field split-sum"
          data-testid="split-sum"
          data-valid={split.split !== undefined}
        >
          <span className="field-label">Sum</span>
          <span className={`number ${split.split === undefined ? "field-error" : ""}`}>
            {split.sumBasisPoints === undefined ? "—" : `${split.sumBasisPoints / 100}%`}
          </span>
        </div>
      </div>
      {problems.split === undefined ? null : <div className="field-error">{problems.split}</div>}
      <div className="field">
        <label htmlFor="budget-reason">Reason (recorded with the change)</label>
        <input
          id="budget-reason"
          name="reason"
          value={draft.reason}
          disabled={disabled}
          placeholder="why the budget changes"
          onChange={(event) => update({ reason: event.target.value })}
        />
      </div>
      <ErrorMessage error={error} />
      {saved === undefined ? null : <div className="notice">{saved}</div>}
      <div className="row">
        <button
          type="submit"
          className="button button-primary"
          disabled={
            disabled ||
            change === undefined ||
            changedValues.length === 0 ||
            draft.reason.trim() === ""
          }
        >
          {saving ? "Saving…" : "Save the budget"}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => update(budgetDraftOf(status))}
        >
          Reset
        </button>
        <span className="muted small">
          {!canConfigure
            ? `Editing ${needsScope("configure")}.`
            : changedValues.length === 0
              ? "Nothing changed yet."
              : draft.reason.trim() === ""
                ? `Changes ${changedValues.join(", ")}: give a reason to save.`
                : `Changes ${changedValues.join(", ")}.`}
        </span>
      </div>
    </form>
  );
}

/** A labelled input with, below it, what is wrong with it or else where its current value comes from. */
function Field({
  id,
  label,
  problem,
  source,
  children,
}: {
  id: string;
  label: string;
  problem: string | undefined;
  source: string;
  children: ReactNode;
}) {
  return (
    <div className={`field ${problem === undefined ? "" : "invalid"}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <span className={problem === undefined ? "muted small" : "field-error"}>
        {problem ?? source}
      </span>
    </div>
  );
}
