/**
 * The line-up editor of a `configure` token: the pattern (the default agent alone, one agent, best of
 * N, a fallback chain), the agents chosen among those that can run here, N for best-of and the failures
 * before falling back. Saving is PUT /api/settings/line-up: the config file keeps it, and the line is
 * reopened on it, so the next submission gets it.
 */

import { type FormEvent, useState } from "react";
import type { LineUpAgent } from "../../../../src/contracts/work-item.js";
import { lineUpText } from "../../../../src/line/line-up-text.js";
import {
  type agentsRoute,
  saveLineUpRoute,
} from "../../../../src/server/routes/factory/factory-routes.js";
import { useApi } from "../../api/api-context.js";
import type { RouteAnswer } from "../../api/call-route.js";
import { FormError } from "../../components/form-error.js";
import {
  agentsInUse,
  draftOf,
  type LineUpPattern,
  lineUpOf,
  minimumAgents,
  patternLabels,
  withAddedAgent,
  withAgent,
  withoutAgent,
  withPattern,
} from "./line-up-draft.js";

type AgentsAnswer = RouteAnswer<typeof agentsRoute>;

export function LineUpEditor({
  answer,
  onSaved,
}: {
  answer: AgentsAnswer;
  /** Told what was saved; the card reloads the agents (and this form starts again from them). */
  onSaved: (notice: string) => void;
}) {
  const api = useApi();
  const [draft, setDraft] = useState(() =>
    draftOf(answer.lineUp, answer.configured, answer.defaultAgent),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();
  const available = answer.agents.filter((agent) => agent.available).map((agent) => agent.name);
  const result = lineUpOf(draft);
  const current = answer.configured ? answer.lineUp : null;
  const changed =
    result.problem === undefined && JSON.stringify(result.lineUp) !== JSON.stringify(current);
  const shown = agentsInUse(draft);

  const change = (next: typeof draft) => {
    setDraft(next);
    setError(undefined);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (result.problem !== undefined || !changed) return;
    setSaving(true);
    setError(undefined);
    try {
      const next = await api.call(saveLineUpRoute, { json: { lineUp: result.lineUp } });
      onSaved(
        next.configured
          ? `Saved to ${next.configPath}: new items are built by ${lineUpText(next.lineUp)}.`
          : `Removed from ${next.configPath}: the default agent (${next.defaultAgent}) builds alone.`,
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="settings-form line-up-editor" data-testid="line-up-editor" onSubmit={submit}>
      <div className="form-row">
        <div className="field">
          <label htmlFor="line-up-pattern">Pattern</label>
          <select
            id="line-up-pattern"
            name="pattern"
            value={draft.pattern}
            disabled={saving}
            onChange={(event) =>
              change(withPattern(draft, event.target.value as LineUpPattern, available))
            }
          >
            {(Object.keys(patternLabels) as LineUpPattern[]).map((pattern) => (
              <option key={pattern} value={pattern}>
                {patternLabels[pattern]}
              </option>
            ))}
          </select>
        </div>
        {draft.pattern === "best-of" ? (
          <div className="field">
            <label htmlFor="line-up-candidates">Candidates per attempt (N)</label>
            <input
              id="line-up-candidates"
              name="candidates"
              inputMode="numeric"
              value={draft.candidates}
              disabled={saving}
              onChange={(event) => change({ ...draft, candidates: event.target.value })}
            />
          </div>
        ) : null}
        {draft.pattern === "fallback" ? (
          <div className="field">
            <label htmlFor="line-up-after-failures">Fall back after failed attempts</label>
            <input
              id="line-up-after-failures"
              name="afterFailures"
              inputMode="numeric"
              value={draft.afterFailures}
              disabled={saving}
              onChange={(event) => change({ ...draft, afterFailures: event.target.value })}
            />
          </div>
        ) : null}
      </div>
      {draft.pattern === "default" ? (
        <p className="muted small">
          No line-up in the config: {answer.defaultAgent} builds alone (an llm agent with a model,
          else a configured coding CLI that is installed, else the offline scaffold agent).
        </p>
      ) : (
        <ol className="line-up-agents">
          {shown.map((agent, index) => (
            <AgentRow
              // biome-ignore lint/suspicious/noArrayIndexKey: an agent's place in the line-up is what it is.
              key={index}
              index={index}
              agent={agent}
              available={available}
              disabled={saving}
              removable={draft.pattern !== "single" && shown.length > minimumAgents(draft.pattern)}
              onChoose={(name) => change(withAgent(draft, index, name))}
              onRemove={() => change(withoutAgent(draft, index))}
            />
          ))}
        </ol>
      )}
      {draft.pattern === "best-of" || draft.pattern === "fallback" ? (
        <button
          type="button"
          className="button button-small"
          disabled={saving || available.length === 0}
          onClick={() => change(withAddedAgent(draft, available))}
        >
          Add an agent
        </button>
      ) : null}
      <FormError error={error} />
      {result.problem === undefined ? null : <div className="field-error">{result.problem}</div>}
      <div className="row">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving || !changed}
          data-testid="line-up-save"
        >
          {saving ? "Saving…" : "Save the line-up"}
        </button>
        <span className="muted small">
          {changed && result.problem === undefined
            ? `Saves ${result.lineUp === null ? "no line-up (the default agent alone)" : lineUpText(result.lineUp)} to ${answer.configPath}.`
            : "Nothing changed yet."}
        </span>
      </div>
    </form>
  );
}

function AgentRow({
  index,
  agent,
  available,
  disabled,
  removable,
  onChoose,
  onRemove,
}: {
  index: number;
  agent: LineUpAgent;
  available: readonly string[];
  disabled: boolean;
  removable: boolean;
  onChoose: (name: string) => void;
  onRemove: () => void;
}) {
  const id = `line-up-agent-${index}`;
  // An agent that cannot run here stays listed while it is chosen, so the form shows what is saved.
  const choices = available.includes(agent.agent) ? available : [agent.agent, ...available];
  const kept = [
    agent.model === undefined ? undefined : `model ${agent.model}`,
    agent.faults === undefined ? undefined : `injected faults p=${agent.faults.probability}`,
  ].filter((part) => part !== undefined);
  return (
    <li className="row">
      <label htmlFor={id} className="muted small">
        Agent {index + 1}
      </label>
      <select
        id={id}
        name={id}
        value={agent.agent}
        disabled={disabled}
        onChange={(event) => onChoose(event.target.value)}
      >
        {choices.map((name) => (
          <option key={name} value={name}>
            {available.includes(name) ? name : `${name} (cannot run here)`}
          </option>
        ))}
      </select>
      {kept.length === 0 ? null : <span className="muted small">{kept.join(", ")} (kept)</span>}
      {removable ? (
        <button
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={onRemove}
        >
          Remove
        </button>
      ) : null}
    </li>
  );
}
