/** What a work item cost: by category (inference, testing, ci, monitoring), by station, by agent and model. */
import type { WorkItemHistoryAnswer } from "../../api/answers.js";
import { formatMicroUsd } from "../../components/money.js";

type Costs = WorkItemHistoryAnswer["costs"];

export function ItemCosts({ costs }: { costs: Costs }) {
  return (
    <section className="card">
      <h2 className="card-title">
        Costs <span className="count">{formatMicroUsd(costs.totalMicroUsd)}</span>
      </h2>
      <div className="grid" style={{ marginBottom: 0, alignItems: "start" }}>
        <CostTable title="By category" rows={Object.entries(costs.byCategory)} />
        <CostTable title="By station" rows={Object.entries(costs.byStation)} />
        <CostTable
          title="By agent and model"
          rows={costs.byAgentModel.map((entry) => [
            entry.model === null ? entry.agent : `${entry.agent} · ${entry.model}`,
            entry.microUsd,
          ])}
        />
      </div>
    </section>
  );
}

function CostTable({ title, rows }: { title: string; rows: [string, number][] }) {
  return (
    <table className="table small">
      <thead>
        <tr>
          <th>{title}</th>
          <th className="number">Cost</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              nothing charged
            </td>
          </tr>
        ) : (
          rows.map(([name, micro]) => (
            <tr key={name}>
              <td>{name}</td>
              <td className="number">{formatMicroUsd(micro)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
