/**
 * The line in four cards: outcomes of every item (approved, rejected, waiting on a person) and the
 * approval rate; the pass rate per scenario category over today's gated builds; spend against the daily limit,
 * per category; and the open exceptions, linked to their queue.
 */
import { Link } from "wouter";
import type { LineStatusAnswer as LineStatus } from "../../api/answers.js";
import { Meter } from "../../components/meter.js";
import { formatMicroUsd } from "../../components/money.js";
import { formatPercent } from "../../components/percent.js";

export function LineSummary({ status }: { status: LineStatus }) {
  const { outcomes, passRates, spendToday } = status;
  const spentShare =
    spendToday.limitMicroUsd === 0 ? null : spendToday.totalMicroUsd / spendToday.limitMicroUsd;
  return (
    <div className="grid">
      <section className="card">
        <h2 className="card-title">Outcomes</h2>
        <div className="row" style={{ gap: 18 }}>
          <Figure value={outcomes.approved} label="approved" />
          <Figure value={outcomes.rejected} label="rejected" />
          <Figure value={outcomes.exception} label="in exception" />
          <Figure value={formatPercent(outcomes.approvalRate)} label="approval rate" />
        </div>
      </section>
      <section className="card">
        <h2 className="card-title">Pass rates today</h2>
        {(["normal", "edge", "malicious"] as const).map((category) => {
          const rate = passRates[category];
          return (
            <div key={category} className="small" style={{ marginBottom: 5 }}>
              <div className="row" style={{ justifyContent: "space-between" }}>
                <span>{category}</span>
                <span className="number">{formatPercent(rate)}</span>
              </div>
              <Meter
                share={rate}
                label={`${category} pass rate`}
                tone={
                  rate === null ? "neutral" : rate >= 0.9 ? "good" : rate >= 0.7 ? "waiting" : "bad"
                }
              />
            </div>
          );
        })}
      </section>
      <section className="card">
        <h2 className="card-title">Spend today</h2>
        <div className="row" style={{ justifyContent: "space-between", marginBottom: 4 }}>
          <span className="figure-value number" style={{ fontSize: 20, fontWeight: 600 }}>
            {formatMicroUsd(spendToday.totalMicroUsd)}
          </span>
          <span className="muted small">of {formatMicroUsd(spendToday.limitMicroUsd)}</span>
        </div>
        <Meter
          share={spentShare}
          label="spend against the daily limit"
          tone={
            spentShare === null
              ? "neutral"
              : spentShare >= 1
                ? "bad"
                : spentShare >= 0.8
                  ? "waiting"
                  : "good"
          }
        />
        <p className="muted small" style={{ margin: "6px 0 0" }}>
          {Object.entries(spendToday.byCategory)
            .map(([category, micro]) => `${category} ${formatMicroUsd(micro)}`)
            .join(" · ")}
        </p>
      </section>
      <section className="card">
        <h2 className="card-title">Exceptions</h2>
        <Figure value={status.openExceptions} label="open, waiting on a person" />
        <p className="small" style={{ margin: "6px 0 0" }}>
          <Link href="/exceptions">Open the queue →</Link>
        </p>
      </section>
    </div>
  );
}

function Figure({ value, label }: { value: number | string; label: string }) {
  return (
    <div className="figure">
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </div>
  );
}
