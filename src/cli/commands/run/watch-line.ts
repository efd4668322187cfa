/**
 * `shopfloor run --watch`: the line keeps working until Ctrl-C; a spec whose file changes is submitted
 * again (a new work item), and each item's outcome is shown as soon as it settles.
 */
import type { LineUp, WorkItem } from "../../../contracts/index.js";
import type { LineRunSummary } from "../../../line/factory-line.js";
import type { LineSession } from "../../line-session.js";
import type { RunPrinter } from "./run-printer.js";
import { SpecVersions, type WatchFiles } from "./watch-specs.js";

export interface WatchRequest {
  specPaths: readonly string[];
  profile?: string;
  lineUp?: LineUp;
}

export interface WatchOptions {
  printer: RunPrinter;
  signal: AbortSignal;
  read: (path: string) => Promise<string>;
  watchFiles: WatchFiles;
  /** Registers what to call when a work item settles (approved, exception, rejected). */
  onSettled(listener: (workItem: string) => void): void;
  showOutcome(workItem: string): Promise<void>;
}

/** Runs until the signal aborts; `submitted` ends holding the latest item of each spec. */
export async function watchLine(
  session: LineSession,
  request: WatchRequest,
  submitted: Map<string, WorkItem>,
  options: WatchOptions,
): Promise<LineRunSummary> {
  const versions = new SpecVersions(options.read);
  for (const path of request.specPaths) await versions.changed(path);
  let pending = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    pending = pending.then(work).catch((error: unknown) => {
      options.printer.note(`error: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  options.onSettled((workItem) => enqueue(() => options.showOutcome(workItem)));
  const watcher = options.watchFiles(request.specPaths, (path) =>
    enqueue(async () => {
      if (options.signal.aborted || !(await versions.changed(path))) return;
      const item = await session.line.submit({
        specPath: path,
        profile: request.profile,
        lineUp: request.lineUp,
      });
      submitted.set(path, item);
      options.printer.note(`${path} changed: submitted again as ${item.id}`);
    }),
  );
  options.printer.note(`Watching ${request.specPaths.length} spec file(s); Ctrl-C stops.`);
  try {
    return await session.line.run({ signal: options.signal, untilIdle: false });
  } finally {
    watcher.close();
    await pending;
  }
}
