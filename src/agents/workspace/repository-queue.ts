/**
 * One git operation at a time per repository within this process: `git worktree add` and branch
 * updates on one repository race with each other, so they wait their turn here. Other processes are
 * handled by retrying on git's lock files (git-command.ts).
 */

const queues = new Map<string, Promise<unknown>>();

/** Runs `operation` after every operation queued before it for the same repository has settled. */
export function serializeByRepository<Result>(
  repository: string,
  operation: () => Promise<Result>,
): Promise<Result> {
  const previous = queues.get(repository) ?? Promise.resolve();
  const next = previous.then(operation, operation);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(repository, settled);
  void settled.then(() => {
    if (queues.get(repository) === settled) queues.delete(repository);
  });
  return next;
}
