/**
 * Deciding an open exception: a reason (required, kept with the decision), then one button per action
 * that fits the exception's reason; the actions that need more say so beside their button (a profile to
 * judge under, a daily budget in dollars, a clarified spec). The server's errors show next to the field
 * it names. On success the page shows the decision.
 */
import { useState } from "react";
import {
  type DecisionAction,
  decisionsForReason,
  type LineException,
} from "../../../../src/contracts/work-item.js";
import { decideRoute } from "../../../../src/server/routes/line/line-routes.js";
import type { DecisionAnswer } from "../../api/answers.js";
import { useApi } from "../../api/api-context.js";
import type { ProfileNames } from "../../api/use-profile-names.js";
import { FieldMessage, FormError } from "../../components/form-error.js";
import { testIds } from "../../test-ids.js";
import { actionHints, actionLabels } from "./decision-actions.js";

// The fields shown beside their input; any other error (e.g. `action`: nothing to approve) shows above.
const fields = ["reason", "profile", "dailyBudgetUsd", "clarifiedSpec"] as const;

export function DecisionForm({
  exception,
  profiles,
  onDecided,
}: {
  exception: LineException;
  profiles: ProfileNames;
  onDecided(decision: DecisionAnswer): void;
}) {
  const api = useApi();
  const actions = decisionsForReason[exception.reason];
  const [reason, setReason] = useState("");
  const [profile, setProfile] = useState("");
  const [dailyBudget, setDailyBudget] = useState("");
  const [clarifiedSpec, setClarifiedSpec] = useState("");
  const [busy, setBusy] = useState<DecisionAction>();
  const [error, setError] = useState<Error>();

  const decide = async (action: DecisionAction) => {
    setBusy(action);
    setError(undefined);
    try {
      const decision = await api.call(decideRoute, {
        params: { id: exception.id },
        json: {
          action,
          reason,
          ...(action === "change-profile" && profile !== "" ? { profile } : {}),
          ...(action === "raise-budget" && dailyBudget !== ""
            ? { dailyBudgetUsd: Number(dailyBudget) }
            : {}),
          ...(action === "clarify" && clarifiedSpec.trim() !== "" ? { clarifiedSpec } : {}),
        },
      });
      onDecided(decision);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(undefined);
    }
  };

  const button = (action: DecisionAction) => (
    <button
      type="button"
      className={`button${action === "reject" ? " button-danger" : action === actions[0] ? " button-primary" : ""}`}
      data-testid={testIds.decide(action)}
      title={actionHints[action]}
      disabled={busy !== undefined}
      onClick={() => void decide(action)}
    >
      {busy === action ? "Recording…" : actionLabels[action]}
    </button>
  );

  const reasonId = `decision-reason-${exception.id}`;
  return (
    <div className="decision-form">
      <FormError error={error} fields={fields} />
      <div className="field">
        <label htmlFor={reasonId}>Why (kept with the decision)</label>
        <textarea
          id={reasonId}
          data-testid={testIds.decisionReason}
          className="plain"
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="e.g. the flaky test runner is fixed"
        />
        <FieldMessage error={error} field="reason" />
      </div>
      <div className="stack" style={{ gap: 8 }}>
        <div className="row">
          {actions
            .filter((action) => !needsInput(action))
            .map((action) => (
              <span key={action}>{button(action)}</span>
            ))}
        </div>
        {actions.includes("change-profile") && (
          <div className="row">
            <select
              aria-label="Profile to judge under"
              value={profile}
              onChange={(event) => setProfile(event.target.value)}
            >
              <option value="">choose a profile…</option>
              {profiles.names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            {button("change-profile")}
            <FieldMessage error={error} field="profile" />
          </div>
        )}
        {actions.includes("raise-budget") && (
          <div className="row">
            <span className="muted">$</span>
            <input
              aria-label="New daily budget in dollars"
              type="number"
              min="0"
              step="any"
              value={dailyBudget}
              onChange={(event) => setDailyBudget(event.target.value)}
              placeholder="daily USD"
              style={{ width: "9em" }}
            />
            {button("raise-budget")}
            <FieldMessage error={error} field="dailyBudgetUsd" />
          </div>
        )}
        {actions.includes("clarify") && (
          <details>
            <summary>Clarify: paste the spec, rewritten</summary>
            <div className="field">
              <textarea
                aria-label="The clarified spec (Markdown)"
                rows={8}
                value={clarifiedSpec}
                onChange={(event) => setClarifiedSpec(event.target.value)}
              />
              <FieldMessage error={error} field="clarifiedSpec" />
            </div>
            {button("clarify")}
          </details>
        )}
      </div>
    </div>
  );
}

function needsInput(action: DecisionAction): boolean {
  return action === "change-profile" || action === "raise-budget" || action === "clarify";
}
