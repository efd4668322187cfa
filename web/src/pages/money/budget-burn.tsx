/**
 * Today's burn against the budget: per category (inference, testing, ci, monitoring) and in total, what
 * was spent, what running work has reserved, the limit and what is left, drawn as a bar whose solid part
 * is spent and whose light part is reserved. The day's budget alerts are listed below.
 */
import type { budgetRoute } from "../../../../src/server/routes/money/money-routes.js";
import type { RouteAnswer } from "../../api/call-route.js";
import { formatTime } from "../../components/age.js";
import { formatMicroUsd, Money } from "../../components/money.js";
import { formatPercent } from "../../components/percent.js";

type BudgetStatus = RouteAnswer<typeof budgetRoute>;

interface BurnLine {
  limitMicroUsd: number;
  spentMicroUsd: number;
  reservedMicroUsd: number;
  leftMicroUsd: number;
}

/** Good under 80% of the limit spent or held, waiting up to it, bad beyond. */
function toneOf(line: BurnLine): "good" | "waiting" | "bad" {
  const used = line.spentMicroUsd + line.reservedMicroUsd;
  if (used > line.limitMicroUsd) return "bad";
  return used * 100 >= line.limitMicroUsd * 80 ? "waiting" : "good";
}

function shareOf(amount: number, limit: number): number {
  return limit <= 0 ? (amount > 0 ? 1 : 0) : amount / limit;
}

export function BudgetBurn({ status }: { status: BudgetStatus }) {
  return (
    <>
      <div className="grid">
        {status.categories.map((category) => (
          <BurnCard
            key={category.category}
            testId={`budget-category-${category.category}`}
            title={category.category}
            note={`${formatPercent(category.share)} of the day`}
            line={category}
          />
        ))}
        <BurnCard
          testId="budget-total"
          title="total"
          note={`day ${status.day.key}`}
          line={status.total}
        />
      </div>
      {status.alerts.length === 0 ? null : (
        <div className="card money-alerts">
          <h2 className="card-title">Budget alerts today</h2>
          <ul className="stacked-list">
            {status.alerts.map((alert) => (
              <li key={`${alert.scope}-${alert.thresholdPercent}`}>
                <span className="badge badge-waiting">{alert.thresholdPercent}%</span>{" "}
                <strong>{alert.scope}</strong> reached {formatMicroUsd(alert.spentMicroUsd)} of{" "}
                {formatMicroUsd(alert.limitMicroUsd)}{" "}
                <span className="muted small">at {formatTime(alert.at)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function BurnCard({
  testId,
  title,
  note,
  line,
}: {
  testId: string;
  title: string;
  note: string;
  line: BurnLine;
}) {
  const tone = toneOf(line);
  const spentShare = Math.min(shareOf(line.spentMicroUsd, line.limitMicroUsd), 1);
  const reservedShare = Math.min(
    shareOf(line.reservedMicroUsd, line.limitMicroUsd),
    1 - spentShare,
  );
  const usedShare = shareOf(line.spentMicroUsd + line.reservedMicroUsd, line.limitMicroUsd);
  return (
    <section className="card" data-testid={testId} data-tone={tone}>
      <h2 className="card-title">
        {title}
        <span className="count">{formatPercent(usedShare)} used</span>
      </h2>
      <div
        className={`burn-bar burn-${tone}`}
        title={`${title}: ${formatPercent(usedShare)} of the limit spent or reserved`}
        // The figures are written below it; the bar adds nothing for a screen reader.
        aria-hidden="true"
      >
        <span className="burn-spent" style={{ width: `${spentShare * 100}%` }} />
        <span
          className="burn-reserved"
          style={{ left: `${spentShare * 100}%`, width: `${reservedShare * 100}%` }}
        />
      </div>
      <dl className="facts burn-facts">
        <dt>spent</dt>
        <dd data-testid={`${testId}-spent`}>
          <Money microUsd={line.spentMicroUsd} />
        </dd>
        <dt>reserved</dt>
        <dd>
          <Money microUsd={line.reservedMicroUsd} />
        </dd>
        <dt>limit</dt>
        <dd data-testid={`${testId}-limit`}>
          <Money microUsd={line.limitMicroUsd} />
        </dd>
        <dt>left</dt>
        <dd className={line.leftMicroUsd < 0 ? "field-error" : undefined}>
          <Money microUsd={line.leftMicroUsd} />
        </dd>
      </dl>
      <p className="muted small">{note}</p>
    </section>
  );
}
