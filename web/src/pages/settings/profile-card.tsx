/**
 * One quality profile as the gate applies it: each category's threshold, confidence and zero tolerance,
 * the SLO the monitor holds its releases to, the intake score; and what a token may do with it: try it
 * in the planner (any token), edit it, start a new profile from it, make it the default, delete the
 * config file's definition (`configure`).
 */
import { useState } from "react";
import {
  defaultProfileRoute,
  deleteProfileRoute,
  type profilesRoute,
} from "../../../../src/server/routes/settings/settings-routes.js";
import { useApi } from "../../api/api-context.js";
import type { RouteAnswer } from "../../api/call-route.js";
import { needsScope } from "../../api/session-context.js";
import { FormError } from "../../components/form-error.js";
import { StateBadge } from "../../components/state-badge.js";
import { percentText } from "./profile-draft.js";

export type ProfileEntry = RouteAnswer<typeof profilesRoute>["profiles"][number];
export type EditorRequest = "edit" | "new" | "try";

export function ProfileCard({
  entry,
  canConfigure,
  onOpen,
  onChanged,
}: {
  entry: ProfileEntry;
  canConfigure: boolean;
  onOpen: (entry: ProfileEntry, request: EditorRequest) => void;
  onChanged: () => void;
}) {
  const api = useApi();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const profile = entry.profile;
  const scopeHint = canConfigure ? undefined : needsScope("configure");

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setConfirmingDelete(false);
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };
  const origin = entry.builtIn
    ? entry.definedInConfig
      ? "built in, changed by the config file"
      : "built in"
    : "the config file's";

  return (
    <section
      className="card"
      data-testid={`profile-${entry.name}`}
      data-default={entry.isDefault}
      data-editable={entry.definedInConfig}
    >
      <h3 className="card-title">
        <span className="profile-name">{entry.name}</span>
        {entry.isDefault ? <StateBadge state="good" label="default" /> : null}
        <span className="count muted small">{origin}</span>
      </h3>
      {profile?.description ? <p className="muted small">{profile.description}</p> : null}
      {entry.problem === undefined ? null : (
        <div className="error" role="alert">
          {entry.problem}
        </div>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>category</th>
            <th className="number">threshold</th>
            <th className="number">confidence</th>
            <th>zero tolerance</th>
          </tr>
        </thead>
        <tbody>
          {entry.categories.map((gate) => (
            <tr key={gate.category}>
              <td>{gate.category}</td>
              <td className="number">{percentText(gate.threshold)}%</td>
              <td className="number">{percentText(gate.confidence)}%</td>
              <td>{gate.zeroTolerance ? "yes: any failure sends it back" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {profile === undefined ? null : (
        <dl className="facts small profile-facts">
          <dt>SLO</dt>
          <dd>
            probe errors under {percentText(profile.slo.errorRate)}%, p95 latency{" "}
            {profile.slo.p95LatencyMs.toLocaleString("en-US")} ms
          </dd>
          <dt>gate</dt>
          <dd>
            {profile.mode === "bound" ? `${profile.method} bound` : "point estimate"}, up to{" "}
            {profile.maxAttempts} builds and {profile.maxTrialRounds} trial rounds
          </dd>
          <dt>intake</dt>
          <dd>
            {profile.intake === undefined
              ? "the default lint score"
              : `a lint score of ${profile.intake.minimumScore}`}
          </dd>
        </dl>
      )}
      <FormError error={error} />
      {confirmingDelete ? (
        <div className="row notice">
          <span>
            Delete {entry.name} from the config file?
            {entry.builtIn ? " The built-in values come back." : ""}
          </span>
          <button
            type="button"
            className="button button-danger button-small"
            data-testid={`confirm-delete-profile-${entry.name}`}
            disabled={busy}
            onClick={() =>
              act(() => api.call(deleteProfileRoute, { params: { name: entry.name } }))
            }
          >
            {busy ? "Deleting…" : "Yes, delete it"}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => setConfirmingDelete(false)}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className="row">
          <button
            type="button"
            className="button button-small"
            disabled={profile === undefined}
            onClick={() => onOpen(entry, "try")}
          >
            Plan
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid={`edit-profile-${entry.name}`}
            disabled={!canConfigure || profile === undefined}
            title={
              scopeHint ??
              (entry.builtIn && !entry.definedInConfig
                ? "saves a change to the built-in profile in the config file"
                : undefined)
            }
            onClick={() => onOpen(entry, "edit")}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!canConfigure || profile === undefined}
            title={scopeHint}
            onClick={() => onOpen(entry, "new")}
          >
            New from this
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid={`default-profile-${entry.name}`}
            disabled={!canConfigure || entry.isDefault || busy || profile === undefined}
            title={scopeHint}
            onClick={() => act(() => api.call(defaultProfileRoute, { json: { name: entry.name } }))}
          >
            Make default
          </button>
          {entry.definedInConfig ? (
            <button
              type="button"
              className="button button-danger button-small"
              data-testid={`delete-profile-${entry.name}`}
              disabled={!canConfigure || busy}
              title={scopeHint}
              onClick={() => setConfirmingDelete(true)}
            >
              Delete
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
