/** The line's job queue: the port the stations use and its embedded SQLite implementation. */
export * from "./backoff.js";
export * from "./job-queue.js";
export * from "./sqlite-job-queue.js";
