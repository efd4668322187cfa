/** The line: the orchestrator that moves work items through the stations, and its facade. */
export * from "./agent-factory.js";
export { reportDeadJob, reportDeadJobs } from "./dead-jobs.js";
export { applyDecision, type DecisionServices } from "./decide.js";
export * from "./factory-line.js";
export { stationHandlers } from "./factory-line-session.js";
export * from "./jobs.js";
export * from "./line-runner.js";
export { lineStatus, passRatesSince } from "./line-status.js";
export * from "./line-up.js";
export type { JobContext, LineServices, StationHandler } from "./stations/station-context.js";
export { type WorkItemCosts, workItemCosts, workItemHistory } from "./work-item-history.js";
export { WorkItemRepositories } from "./work-item-repository.js";
