/**
 * The `data-testid`s the dashboard's end-to-end test finds things by; the pages use these constants, so
 * a renamed id breaks the build instead of the test. Stable, keep them:
 *
 * Line page (`/`):
 *   station-<name>        a station's column: intake, build, scenarios, trials, gate, deploy, exception, finished
 *   line-item-<id>        a work item's row in its station, with `data-state` (its state now)
 *   live-indicator        the event stream's indicator, with `data-connected` "true" | "false"
 *   event-feed            the list of recent events
 *   submit-form           the "submit a spec" form (only for tokens with `operate`)
 * Work item page (`/items/:id`):
 *   item-summary          the item's summary card, with `data-state`
 *   build-<id>            a build's row (click selects it for the gate report)
 *   gate-report           the chosen build's gate report, with `data-decision`
 *   category-<name>       a category of the gate report (normal, edge, malicious), with `data-status`
 *   latency-histogram     the chosen build's latency histogram
 * Exceptions page (`/exceptions`):
 *   exception-<id>        an exception, with `data-state` "open" | "decided"
 *   decision-reason       the reason field of an open exception's decision form
 *   decide-<action>       the button that records a decision: approve, reject, retry, change-profile,
 *                         raise-budget, clarify
 *   decision-recorded     what a decided exception shows: the decision's action, who, when and why
 */
export const testIds = {
  station: (name: string) => `station-${name}`,
  lineItem: (id: string) => `line-item-${id}`,
  liveIndicator: "live-indicator",
  eventFeed: "event-feed",
  submitForm: "submit-form",
  itemSummary: "item-summary",
  build: (id: string) => `build-${id}`,
  gateReport: "gate-report",
  category: (name: string) => `category-${name}`,
  latencyHistogram: "latency-histogram",
  exception: (id: string) => `exception-${id}`,
  decisionReason: "decision-reason",
  decide: (action: string) => `decide-${action}`,
  decisionRecorded: "decision-recorded",
} as const;
