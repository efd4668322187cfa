/** The line's persistence: the line store (work items, events, builds, trials, exceptions) and artifacts. */
export { ArtifactStore, type ArtifactStoreOptions, type StoredArtifact } from "./artifact-store.js";
export type { BuildChange, NewBuild } from "./build-records.js";
export type { EventQuery } from "./event-log.js";
export type { ExceptionFilter, NewDecision, NewException } from "./exception-records.js";
export { LineStore, type LineStoreOptions } from "./line-store.js";
export type { NewWorkItem, TransitionChange, TransitionOutcome } from "./work-item-records.js";
