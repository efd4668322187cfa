/**
 * Spend over the report's range grouped one way (GET /api/costs?by=model or by=station): a row per group
 * with its events, tokens and amount, and its share of the total. Unpriced events (a model without a
 * known price) are counted so a zero does not read as free.
 */
import type { costsRoute } from "../../../../src/server/routes/money/money-routes.js";
import type { RouteAnswer } from "../../api/call-route.js";
import { Meter } from "../../components/meter.js";
import { Money } from "../../components/money.js";
import { formatPercent } from "../../components/percent.js";

type CostsAnswer = RouteAnswer<typeof costsRoute>;

export function SpendTable({
  title,
  report,
  testId,
}: {
  title: string;
  report: CostsAnswer;
  testId: string;
}) {
  const { rows, total, since, until } = report.costs;
  return (
    <section className="card" data-testid={testId}>
      <h2 className="card-title">
        {title}
        <span className="count muted small">
          {since} – {until}
        </span>
      </h2>
      {rows.length === 0 ? (
        <p className="empty">Nothing was spent in this range.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{report.costs.by}</th>
              <th className="number">events</th>
              <th className="number">tokens in / out</th>
              <th className="number">spent</th>
              <th className="number">share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const share =
                total.amountMicroUsd === 0 ? 0 : row.amountMicroUsd / total.amountMicroUsd;
              return (
                <tr key={row.key}>
                  <td className="mono">{row.key}</td>
                  <td className="number">
                    {row.events.toLocaleString("en-US")}
                    {row.unpricedEvents === 0 ? null : (
                      <span
                        className="muted small"
                        title="events with no known price, counted at $0"
                      >
                        {" "}
                        ({row.unpricedEvents} unpriced)
                      </span>
                    )}
                  </td>
                  <td className="number">
                    {row.inputTokens.toLocaleString("en-US")} /{" "}
                    {row.outputTokens.toLocaleString("en-US")}
                  </td>
                  <td className="number">
                    <Money microUsd={row.amountMicroUsd} />
                  </td>
                  <td className="number">
                    {formatPercent(share)}
                    <span className="spend-share">
                      <Meter share={share} label={`${row.key}'s share of the spend`} />
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th>total</th>
              <th className="number">{total.events.toLocaleString("en-US")}</th>
              <th className="number">
                {total.inputTokens.toLocaleString("en-US")} /{" "}
                {total.outputTokens.toLocaleString("en-US")}
              </th>
              <th className="number">
                <Money microUsd={total.amountMicroUsd} />
              </th>
              <th />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
