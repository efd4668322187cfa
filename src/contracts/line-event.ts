/**
 * The registry of the line's events: one typed definition per event (noun, then verb), read alike by the
 * audit log in the store, `shopfloor history`, the progress a terminal shows and, later, the server's
 * Server-Sent Events and the dashboard. An event is written to the store before what it announces takes
 * effect, so a process killed at any point resumes from the events it left.
 */
import { z } from "zod";
import { AgentRunStatus } from "./agent-run.js";
import { CostCategory } from "./cost-event.js";
import { GateDecision } from "./gate-verdict.js";
import { DecisionAction, ExceptionReason, LineUp, WorkItemState } from "./work-item.js";

const Text = z.string().min(1);
const Count = z.int().nonnegative();

export const lineEventPayloads = {
  "work-item.create": z.strictObject({
    name: Text,
    specPath: Text,
    specHash: Text,
    profile: Text,
    lineUp: LineUp,
    parent: Text.optional(),
    fixes: Text.optional(),
  }),
  "work-item.transition": z.strictObject({
    from: WorkItemState,
    to: WorkItemState,
    /** Why, in a few words: "lint score 92 ≥ 60", "regenerate: edge 41/50 < 90%". */
    reason: Text,
    attempt: z.int().positive(),
  }),
  "intake.end": z.strictObject({ score: z.number(), minimumScore: z.number(), findings: Count }),
  "build.start": z.strictObject({
    build: Text,
    attempt: z.int().positive(),
    candidate: z.int().positive(),
    agent: Text,
    model: Text.optional(),
  }),
  "build.end": z.strictObject({
    build: Text,
    status: AgentRunStatus,
    commit: Text.optional(),
    summary: z.string(),
    costMicroUsd: Count,
    injectedFaults: Count,
    transcript: Text.optional(),
  }),
  "suite.ready": z.strictObject({
    suite: Text,
    normal: Count,
    edge: Count,
    malicious: Count,
    /** True when the suite was generated for this item; false when an existing version was reused. */
    generated: z.boolean(),
  }),
  "trials.start": z.strictObject({ build: Text, round: z.int().positive(), scenarios: Count }),
  "trials.end": z.strictObject({
    build: Text,
    round: z.int().positive(),
    trials: Count,
    failed: Count,
    cpuSeconds: z.number().nonnegative(),
  }),
  "gate.verdict": z.strictObject({
    build: Text,
    decision: GateDecision,
    reason: z.string(),
    /** Artifact hash of the full GateVerdict. */
    report: Text,
  }),
  "exception.open": z.strictObject({ exception: Text, reason: ExceptionReason, summary: Text }),
  "decision.record": z.strictObject({
    decision: Text,
    exception: Text,
    action: DecisionAction,
    by: Text,
    reason: Text,
  }),
  "calibration.end": z.strictObject({
    build: Text,
    mutants: Count,
    caught: Count,
    /** Two-sided interval of the share of injected faults the gate catches. */
    lower: z.number().min(0).max(1),
    upper: z.number().min(0).max(1),
    /** Artifact hash of the full calibration report. */
    report: Text,
  }),
  "release.start": z.strictObject({ release: Text, build: Text, target: Text }),
  "release.end": z.strictObject({
    release: Text,
    state: z.enum(["live", "failed"]),
    reason: Text,
    address: Text.optional(),
  }),
  "release.rollback": z.strictObject({
    release: Text,
    /** The release traffic went back to; none when there was no previous release. */
    to: Text.optional(),
    by: Text,
    reason: Text,
  }),
  "incident.open": z.strictObject({
    incident: Text,
    release: Text,
    summary: Text,
    fixItem: Text.optional(),
  }),
  "budget.exceeded": z.strictObject({
    category: CostCategory,
    station: Text,
    reason: Text,
  }),
} as const;

export type LineEventType = keyof typeof lineEventPayloads;
export const lineEventTypes = Object.keys(lineEventPayloads) as LineEventType[];

export type LineEventPayload<Type extends LineEventType> = z.infer<
  (typeof lineEventPayloads)[Type]
>;

/** An event as stored: its place in the log, when, which work item, and its payload. */
export type LineEvent = {
  [Type in LineEventType]: {
    /** 1, 2, 3…: the order the events were written in, across all work items. */
    sequence: number;
    at: string;
    workItem: string;
    type: Type;
    payload: LineEventPayload<Type>;
  };
}[LineEventType];

/** Checks an event's payload against its definition (what third parties and old rows send). */
export function parseLineEventPayload<Type extends LineEventType>(
  type: Type,
  payload: unknown,
): LineEventPayload<Type> {
  return lineEventPayloads[type].parse(payload) as LineEventPayload<Type>;
}
