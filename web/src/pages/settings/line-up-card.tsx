/**
 * The agent line-up card (GET /api/agents): every agent with whether it can run on the server's machine
 * and what it would use or needs, the line-up new work items get (the config's, or the default agent
 * alone), and for `configure` tokens the editor that saves another one to the config file.
 */
import { useState } from "react";
import { lineUpText } from "../../../../src/line/line-up-text.js";
import { agentsRoute } from "../../../../src/server/routes/factory/factory-routes.js";
import { needsScope, useSession } from "../../api/session-context.js";
import { useRouteData } from "../../api/use-route-data.js";
import { LoadState } from "../../components/load-state.js";
import { StateBadge } from "../../components/state-badge.js";
import { LineUpEditor } from "./line-up-editor.js";
import "./line-up-card.css";

export function LineUpCard() {
  const session = useSession();
  const agents = useRouteData(agentsRoute);
  const canConfigure = session.can("configure");
  const [notice, setNotice] = useState<string>();
  return (
    <LoadState data={agents} what="the agents">
      {(answer) => (
        <section
          className="card"
          data-testid="line-up"
          data-pattern={answer.configured ? answer.lineUp.pattern : "default"}
        >
          <h2 className="card-title">
            Agent line-up
            <span className="count muted small">
              {answer.configured
                ? "set in the config file"
                : `none set: the default agent (${answer.defaultAgent}) builds alone`}
            </span>
          </h2>
          <p>
            New work items are built by{" "}
            <strong className="mono">{lineUpText(answer.lineUp)}</strong>. Items already submitted
            keep the line-up they were submitted with.
          </p>
          {notice === undefined ? null : <div className="notice">{notice}</div>}
          {answer.unavailable.length === 0 ? null : (
            <div className="error" role="alert">
              The line-up names {answer.unavailable.join(", ")}, which cannot run on this machine:
              their builds fail. Choose agents that can run, or install what they need.
            </div>
          )}
          <table className="table">
            <thead>
              <tr>
                <th>Agent</th>
                <th>Available</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {answer.agents.map((agent) => (
                <tr key={agent.name} data-agent={agent.name} data-available={agent.available}>
                  <td>
                    <span className="mono">{agent.name}</span>
                    <div className="muted small">{agent.description}</div>
                  </td>
                  <td>
                    <StateBadge
                      state={agent.available ? "good" : "bad"}
                      label={agent.available ? "yes" : "no"}
                    />
                  </td>
                  <td className="small">{agent.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canConfigure ? (
            <LineUpEditor
              key={JSON.stringify([answer.lineUp, answer.configured])}
              answer={answer}
              onSaved={(saved) => {
                setNotice(saved);
                agents.reload();
              }}
            />
          ) : (
            <p className="muted small">Changing the line-up {needsScope("configure")}.</p>
          )}
        </section>
      )}
    </LoadState>
  );
}
