/**
 * The incidents, newest first: who rolled what back and why, the SLO test's figures the monitor acted on
 * and its failing probes, and the fix work item it opened, linked to its page.
 */
import { Link } from "wouter";
import type { Incident } from "../../../../src/contracts/release.js";
import { Age } from "../../components/age.js";
import { formatPercent } from "../../components/percent.js";

interface SloFigures {
  probes?: number;
  failures?: number;
  slow?: number;
  errorRate?: number | null;
  p95LatencyMs?: number | null;
}

interface FailingProbe {
  cycle?: number;
  at?: string;
  scenario?: string;
  title?: string;
  error?: string;
  latencyMs?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function IncidentList({ incidents }: { incidents: readonly Incident[] }) {
  if (incidents.length === 0) {
    return <p className="empty">No incident: nothing was rolled back.</p>;
  }
  return (
    <div className="stack">
      {incidents.map((incident) => (
        <IncidentCard key={incident.id} incident={incident} />
      ))}
    </div>
  );
}

function IncidentCard({ incident }: { incident: Incident }) {
  const slo = isRecord(incident.evidence.slo) ? (incident.evidence.slo as SloFigures) : undefined;
  const failing = Array.isArray(incident.evidence.failing)
    ? (incident.evidence.failing.filter(isRecord) as FailingProbe[])
    : [];
  const reason =
    typeof incident.evidence.reason === "string" ? incident.evidence.reason : undefined;
  return (
    <section
      className="card incident-card"
      data-testid={`incident-${incident.id}`}
      data-by={incident.by}
    >
      <h3 className="card-title">
        <span className="badge badge-rolled-back">incident</span>
        <span className="mono">{incident.release}</span>
        <span className="count muted small">
          <Age since={incident.openedAt} /> ago
        </span>
      </h3>
      <p>{incident.summary}</p>
      <dl className="facts">
        <dt>by</dt>
        <dd>{incident.by === "monitor" ? "the monitor (SLO breach)" : incident.by}</dd>
        {reason === undefined ? null : (
          <>
            <dt>why</dt>
            <dd>{reason}</dd>
          </>
        )}
        <dt>traffic back to</dt>
        <dd className="mono">{incident.rolledBackTo ?? "— (no earlier release)"}</dd>
        <dt>work item</dt>
        <dd className="mono">
          <Link href={`/items/${incident.workItem}`}>{incident.workItem}</Link>
        </dd>
        {incident.fixItem === undefined ? null : (
          <>
            <dt>fix item</dt>
            <dd className="mono">
              <Link
                href={`/items/${incident.fixItem}`}
                data-testid={`fix-item-${incident.fixItem}`}
              >
                {incident.fixItem}
              </Link>
            </dd>
          </>
        )}
        {slo === undefined ? null : (
          <>
            <dt>SLO test</dt>
            <dd>
              {slo.failures ?? 0} of {slo.probes ?? 0} probes failed (error rate{" "}
              {formatPercent(slo.errorRate ?? null)}), {slo.slow ?? 0} slow; p95 latency{" "}
              {slo.p95LatencyMs === null || slo.p95LatencyMs === undefined
                ? "—"
                : `${Math.round(slo.p95LatencyMs)} ms`}
            </dd>
          </>
        )}
      </dl>
      {failing.length === 0 ? null : (
        <details>
          <summary>
            {failing.length} failing probe{failing.length === 1 ? "" : "s"}
          </summary>
          <ul className="stacked-list small">
            {failing.map((probe) => (
              <li key={`${probe.cycle}-${probe.scenario}-${probe.at}`}>
                <span className="mono">{probe.scenario ?? "?"}</span> {probe.title ?? ""}
                {probe.error === undefined ? null : <span className="muted">: {probe.error}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      <details>
        <summary>evidence as recorded</summary>
        <pre>{JSON.stringify(incident.evidence, null, 2)}</pre>
      </details>
    </section>
  );
}
