/**
 * The demo's last act, in production: the approved services are live behind their stable addresses; a
 * monitor cycle probes them; then a change to the inventory service carries a fault only production
 * shows (labelled fault injection: it fails every second request once the release has run for two
 * seconds), passes the gate, goes live, and the monitor catches the regression, rolls back to the
 * release kept warm and opens a fix item, which goes down the line and live. The releases keep running
 * in the factory's host daemon after the demo.
 */
import { join } from "node:path";
import type { LineUp } from "../../../contracts/index.js";
import type { FactoryLine, MonitorCycleReport } from "../../../line/factory-line.js";
import type { CommandContext } from "../../command-context.js";
import { renderReleases, selectReleases, servicesOf } from "../../line-releases.js";
import { breachesOf, fixItemsOf, renderMonitorCycle } from "../../monitor-cycle-text.js";

/** The change that regresses in production: the inventory spec again, the fault on its first build. */
export const productionChange: { spec: string; lineUp: LineUp } = {
  spec: "examples/inventory-api/spec.md",
  lineUp: {
    pattern: "single",
    agent: {
      agent: "scaffold",
      faults: { probability: 1, seed: 1, attempts: [1], kinds: ["production-regression"] },
    },
  },
};

/** Cycles the demo waits for the monitor to see the regression (it shows within a few). */
const maximumCycles = 30;
const cyclePauseMs = 500;

export interface ProductionRun {
  line: FactoryLine;
  root: string;
  profile: string;
  signal: AbortSignal;
  now(): Date;
  sleep(milliseconds: number): Promise<void>;
  /** Stops and flushes the line's event printer before a block of text. */
  flush(): void;
  timeZone?: string;
}

export async function showProduction(context: CommandContext, run: ProductionRun): Promise<void> {
  const { io } = context;
  const { line } = run;
  io.stdout("\n── production\n\n");
  await printReleases(context, run);
  io.stdout(`\n${await monitorOnce(run)}`);
  if (run.signal.aborted) return;

  io.stdout(
    "\nA change to inventory-api with a fault only production shows (labelled fault injection: every second\nrequest fails once the release has run 2 s; trials never see it). It passes the gate and goes live:\n\n",
  );
  const change = await line.submit({
    specPath: join(run.root, productionChange.spec),
    profile: run.profile,
    lineUp: productionChange.lineUp,
  });
  await line.run({ signal: run.signal, items: [change.id] });
  run.flush();

  io.stdout("\nThe monitor watches it:\n\n");
  const breach = await cycleUntilBreach(run, (text) => io.stdout(text));
  const fixes = breach === undefined ? [] : fixItemsOf(breach);
  if (fixes.length > 0 && !run.signal.aborted) {
    io.stdout("\nThe fix item goes down the line with the failing probes as its feedback:\n\n");
    await line.run({ signal: run.signal, items: fixes.map((item) => item.id) });
    run.flush();
    io.stdout(`\n${await monitorOnce(run)}`);
  }
  io.stdout("\n");
  await printReleases(context, run);
  io.stdout(
    "\nThe releases keep running in this home's host daemon: try the addresses above, `shopfloor releases`,\n`shopfloor monitor`; `shopfloor host --stop` stops them.\n",
  );
}

async function printReleases(context: CommandContext, run: ProductionRun): Promise<void> {
  const releases = await run.line.releases();
  const view = selectReleases(releases, await run.line.incidents(), false);
  context.io.stdout(renderReleases(view, servicesOf(releases), { now: run.now() }));
}

async function monitorOnce(run: ProductionRun): Promise<string> {
  return renderMonitorCycle(await run.line.monitorCycle(), timeZoneOf(run));
}

async function cycleUntilBreach(
  run: ProductionRun,
  print: (text: string) => void,
): Promise<MonitorCycleReport | undefined> {
  for (let cycle = 0; cycle < maximumCycles && !run.signal.aborted; cycle++) {
    const report = await run.line.monitorCycle();
    print(renderMonitorCycle(report, timeZoneOf(run)));
    if (breachesOf(report) > 0) return report;
    await run.sleep(cyclePauseMs);
  }
  print(`The monitor saw no breach in ${maximumCycles} cycles.\n`);
  return undefined;
}

function timeZoneOf(run: ProductionRun): { timeZone?: string } {
  return run.timeZone === undefined ? {} : { timeZone: run.timeZone };
}
