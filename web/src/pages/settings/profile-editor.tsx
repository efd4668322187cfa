/**
 * The profile form: a user profile's thresholds, confidences, zero tolerance and SLO, or a new profile
 * that starts from another; with the planner beside it, planning the unsaved definition as it changes.
 * Saving is PUT /api/profiles/{name} (the config file keeps it); tokens without `configure` may still
 * try thresholds in the planner, with everything else disabled.
 */
import { type FormEvent, type ReactNode, useState } from "react";
import type { ScenarioCategory } from "../../../../src/contracts/scenario-category.js";
import { saveProfileRoute } from "../../../../src/server/routes/settings/settings-routes.js";
import { useApi } from "../../api/api-context.js";
import { needsScope } from "../../api/session-context.js";
import { FormError } from "../../components/form-error.js";
import { CategoryPolicyTable } from "./category-policy-table.js";
import {
  type CategoryDraft,
  definitionOf,
  nameProblem,
  type ProfileDraft,
} from "./profile-draft.js";
import { SuitePlanner } from "./suite-planner.js";

export interface EditorTarget {
  /**
   * `edit`: a user profile (its name is fixed); `new`: a profile to create; `try`: any profile's
   * thresholds tried in the planner without saving (any token may plan), then saved as a new profile.
   */
  mode: "edit" | "new" | "try";
  draft: ProfileDraft;
}

export function ProfileEditor({
  target,
  takenNames,
  canConfigure,
  onSaved,
  onClose,
}: {
  target: EditorTarget;
  takenNames: readonly string[];
  canConfigure: boolean;
  onSaved: (name: string) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const [mode, setMode] = useState(target.mode);
  const [draft, setDraft] = useState(target.draft);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();
  const { definition, problems } = definitionOf(draft);
  const nameIssue = mode === "new" ? nameProblem(draft.name, takenNames) : undefined;
  // What the planner reads (thresholds, confidences, zero tolerance) may be tried by any token.
  const plannable = (mode === "try" || canConfigure) && !saving;
  // The rest is only edited to be saved.
  const disabled = mode === "try" || !canConfigure || saving;

  const update = (part: Partial<ProfileDraft>) =>
    setDraft((previous) => ({ ...previous, ...part }));
  const updateCategory = (category: ScenarioCategory, part: Partial<CategoryDraft>) =>
    setDraft((previous) => ({
      ...previous,
      categories: {
        ...previous.categories,
        [category]: { ...previous.categories[category], ...part },
      },
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (definition === undefined || nameIssue !== undefined || disabled) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.call(saveProfileRoute, { params: { name: draft.name.trim() }, json: definition });
      onSaved(draft.name.trim());
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setSaving(false);
    }
  };

  const saveAsNew = () => {
    // A new profile extends the one tried, so what the form does not show is inherited from it.
    setDraft((previous) => ({
      ...previous,
      name: `${previous.name}-custom`,
      start: { extends: previous.name },
    }));
    setMode("new");
  };
  const heading =
    mode === "new"
      ? `New profile${draft.start.extends === undefined ? "" : `, from ${draft.start.extends}`}`
      : mode === "edit"
        ? `Edit ${draft.name}`
        : `Try ${draft.name}'s thresholds in the planner`;
  return (
    <div className="grid grid-wide profile-workbench">
      <form
        className="card settings-form"
        data-testid="editor-form"
        data-mode={mode}
        onSubmit={submit}
      >
        <h2 className="card-title">{heading}</h2>
        {mode === "new" ? (
          <Field id="profile-name" label="Name" problem={nameIssue}>
            <input
              id="profile-name"
              name="name"
              value={draft.name}
              disabled={disabled}
              placeholder="checkout-strict"
              onChange={(event) => update({ name: event.target.value })}
            />
          </Field>
        ) : null}
        <Field id="profile-description" label="Description" problem={undefined}>
          <input
            id="profile-description"
            name="description"
            value={draft.description}
            disabled={disabled}
            onChange={(event) => update({ description: event.target.value })}
          />
        </Field>
        <Field id="profile-confidence" label="Confidence (%)" problem={problems.confidence}>
          <input
            id="profile-confidence"
            name="confidence"
            inputMode="decimal"
            value={draft.confidencePercent}
            disabled={!plannable}
            onChange={(event) => update({ confidencePercent: event.target.value })}
          />
        </Field>
        <CategoryPolicyTable
          categories={draft.categories}
          problems={problems}
          plannable={plannable}
          profileConfidence={draft.confidencePercent}
          onChange={updateCategory}
        />
        {problems.categories === undefined ? null : (
          <div className="field-error">{problems.categories}</div>
        )}
        <div className="form-row">
          <Field
            id="slo-error-rate"
            label="SLO: probe error rate (%)"
            problem={problems["slo.errorRate"]}
          >
            <input
              id="slo-error-rate"
              name="sloErrorRate"
              inputMode="decimal"
              value={draft.sloErrorPercent}
              disabled={disabled}
              onChange={(event) => update({ sloErrorPercent: event.target.value })}
            />
          </Field>
          <Field id="slo-p95" label="SLO: p95 latency (ms)" problem={problems["slo.p95LatencyMs"]}>
            <input
              id="slo-p95"
              name="sloP95LatencyMs"
              inputMode="numeric"
              value={draft.sloP95LatencyMs}
              disabled={disabled}
              onChange={(event) => update({ sloP95LatencyMs: event.target.value })}
            />
          </Field>
        </div>
        <FormError error={error} />
        <div className="row">
          {mode === "try" ? (
            <button
              type="button"
              className="button button-primary"
              disabled={!canConfigure}
              onClick={saveAsNew}
            >
              Save as a new profile…
            </button>
          ) : (
            <button
              type="submit"
              className="button button-primary"
              data-testid="editor-save"
              disabled={disabled || definition === undefined || nameIssue !== undefined}
            >
              {saving ? "Saving…" : mode === "new" ? "Create the profile" : "Save the profile"}
            </button>
          )}
          <button type="button" className="button" onClick={onClose} disabled={saving}>
            Close
          </button>
          <span className="muted small">
            {canConfigure
              ? mode === "try"
                ? "Nothing here is saved; the planner shows what these thresholds cost."
                : ""
              : `Saving ${needsScope("configure")}; the planner works for every token.`}
          </span>
        </div>
      </form>
      <SuitePlanner definition={definition} name={draft.name} />
    </div>
  );
}

function Field({
  id,
  label,
  problem,
  children,
}: {
  id: string;
  label: string;
  problem: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`field ${problem === undefined ? "" : "invalid"}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {problem === undefined ? null : <span className="field-error">{problem}</span>}
    </div>
  );
}
