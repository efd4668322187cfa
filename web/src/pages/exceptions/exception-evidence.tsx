/**
 * An exception's evidence, readable: the plain facts first (station, attempt, score, profile…), then
 * what the known kinds of evidence hold (a spec's lint findings, the gate's verdicts, the agents' runs,
 * the budget's refusal), and the raw JSON collapsed for whoever needs all of it.
 */
import type { ReactNode } from "react";

type Evidence = Record<string, unknown>;

export function ExceptionEvidence({ evidence }: { evidence: Evidence }) {
  const facts = Object.entries(evidence).filter(([, value]) => isScalar(value));
  return (
    <div className="evidence">
      {facts.length > 0 && (
        <dl className="facts small">
          {facts.map(([key, value]) => (
            <Fact key={key} name={key}>
              {String(value)}
            </Fact>
          ))}
        </dl>
      )}
      <LintFindings findings={evidence.findings} />
      <Verdicts verdicts={evidence.verdicts} />
      <AgentRuns runs={evidence.runs} />
      <Refusal refusal={evidence.refusal} />
      <details>
        <summary>All evidence (JSON)</summary>
        <pre>{JSON.stringify(evidence, null, 2)}</pre>
      </details>
    </div>
  );
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** spec-too-vague: the lint's findings, the line and the rewrite it suggests. */
function LintFindings({ findings }: { findings: unknown }) {
  const list = records(findings);
  if (list.length === 0) return null;
  return (
    <table className="table small">
      <thead>
        <tr>
          <th className="number">Line</th>
          <th>Finding</th>
          <th>Suggestion</th>
        </tr>
      </thead>
      <tbody>
        {list.map((finding, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id and never reorder.
          <tr key={index}>
            <td className="number">{String(finding.line ?? "")}</td>
            <td>
              <span className={`badge badge-${finding.severity === "error" ? "bad" : "waiting"}`}>
                {String(finding.rule ?? finding.severity ?? "finding")}
              </span>{" "}
              {String(finding.message ?? "")}
            </td>
            <td className="muted">{String(finding.suggestion ?? "")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** retries-spent / inconclusive-gate: each judged build's decision and per category score. */
function Verdicts({ verdicts }: { verdicts: unknown }) {
  const list = records(verdicts);
  if (list.length === 0) return null;
  return (
    <ul className="small" style={{ margin: "6px 0", paddingLeft: 18 }}>
      {list.map((entry) => {
        const verdict = isRecord(entry.verdict) ? entry.verdict : {};
        const categories = records(verdict.categories)
          .map((category) => `${category.category} ${category.passed}/${category.scenarios}`)
          .join(", ");
        return (
          <li key={String(entry.build)}>
            <span className="mono">{String(entry.build)}</span>: {String(verdict.decision ?? "?")}
            {categories === "" ? "" : ` (${categories})`}
            {typeof verdict.reason === "string" ? (
              <span className="muted"> — {verdict.reason}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** agent-cannot-build: what each agent run ended with. */
function AgentRuns({ runs }: { runs: unknown }) {
  const list = records(runs);
  if (list.length === 0) return null;
  return (
    <ul className="small" style={{ margin: "6px 0", paddingLeft: 18 }}>
      {list.map((entry) => {
        const run = isRecord(entry.run) ? entry.run : {};
        return (
          <li key={String(entry.build)}>
            <span className="mono">{String(entry.build)}</span> by {String(entry.agent)}:{" "}
            {String(run.status ?? "no run")}
            {typeof run.summary === "string" && run.summary !== "" ? (
              <span className="muted"> — {run.summary}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** budget-reached: what the budget refused. */
function Refusal({ refusal }: { refusal: unknown }) {
  if (!isRecord(refusal)) return null;
  const facts = Object.entries(refusal).filter(([, value]) => isScalar(value));
  if (facts.length === 0) return null;
  return (
    <dl className="facts small" style={{ marginTop: 6 }}>
      {facts.map(([key, value]) => (
        <Fact key={key} name={`refused: ${key}`}>
          {String(value)}
        </Fact>
      ))}
    </dl>
  );
}
