/**
 * What the monitor keeps in the store: the stable port each service is reached on, the numbers of its
 * cycles (increasing across processes), the probes each cycle ran, and each live release's SLO window
 * (the sequential test's counts so far).
 */
import type { Kysely } from "kysely";
import { ShopfloorError } from "../../contracts/errors.js";
import { ProbeResult } from "../../contracts/release.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import { probeFromRow, probeRow } from "./line-rows.js";
import type { LineContext } from "./line-transaction.js";
import { problems, requireText } from "./record-checks.js";

export interface ProbeQuery {
  release: string;
  cycle?: number;
  limit?: number;
}

/** The monitor's sequential-test counts for a live release since `startedCycle`. */
export interface SloWindow {
  startedCycle: number;
  probes: number;
  failures: number;
  /** Probes slower than the profile's p95 latency. */
  slow: number;
}

const probeBatch = 200;

export class MonitorRecords {
  readonly #context: LineContext;

  constructor(context: LineContext) {
    this.#context = context;
  }

  get #database(): Kysely<FactoryDatabase> {
    return this.#context.database;
  }

  async servicePort(service: string): Promise<number | undefined> {
    const row = await this.#database
      .selectFrom("service")
      .select("port")
      .where("name", "=", service)
      .executeTakeFirst();
    return row?.port ?? undefined;
  }

  async setServicePort(service: string, port: number): Promise<void> {
    requireText("service name", service);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new ShopfloorError("invalid-argument", `${port} is not a port (1 to 65535)`);
    }
    await this.#database
      .insertInto("service")
      .values({ name: service, port })
      .onConflict((conflict) => conflict.column("name").doUpdateSet({ port }))
      .execute();
  }

  /** The next monitor cycle's number: higher than any given before, by any process. */
  async nextCycle(): Promise<number> {
    const row = await this.#database
      .insertInto("monitor_cycle")
      .values({ started_at: this.#context.now().toISOString() })
      .returning("cycle")
      .executeTakeFirstOrThrow();
    return row.cycle;
  }

  /** Stores the probes (each checked against the contract), all or none; returns how many. */
  async recordProbes(results: readonly ProbeResult[]): Promise<number> {
    const rows = results.map((result, index) => {
      const parsed = ProbeResult.safeParse(result);
      if (parsed.success) return probeRow(parsed.data);
      throw new ShopfloorError(
        "invalid-argument",
        `probe ${index + 1} cannot be stored: ${problems(parsed.error)}`,
      );
    });
    if (rows.length === 0) return 0;
    await this.#database.transaction().execute(async (transaction) => {
      for (let start = 0; start < rows.length; start += probeBatch) {
        await transaction
          .insertInto("probe")
          .values(rows.slice(start, start + probeBatch))
          .execute();
      }
    });
    return rows.length;
  }

  /** A release's probes, newest first; of one cycle when given. */
  async probes(query: ProbeQuery): Promise<ProbeResult[]> {
    let select = this.#database
      .selectFrom("probe")
      .selectAll()
      .where("release", "=", query.release)
      .orderBy("sequence", "desc");
    if (query.cycle !== undefined) select = select.where("cycle", "=", query.cycle);
    if (query.limit !== undefined) select = select.limit(query.limit);
    return (await select.execute()).map(probeFromRow);
  }

  async sloWindow(release: string): Promise<SloWindow | undefined> {
    const row = await this.#database
      .selectFrom("slo_window")
      .selectAll()
      .where("release", "=", release)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const { started_cycle: startedCycle, probes, failures, slow } = row;
    return { startedCycle, probes, failures, slow };
  }

  async setSloWindow(release: string, window: SloWindow): Promise<void> {
    requireText("release id", release);
    checkWindow(window);
    const counts = {
      started_cycle: window.startedCycle,
      probes: window.probes,
      failures: window.failures,
      slow: window.slow,
    };
    await this.#database
      .insertInto("slo_window")
      .values({ release, ...counts })
      .onConflict((conflict) => conflict.column("release").doUpdateSet(counts))
      .execute();
  }

  async clearSloWindow(release: string): Promise<void> {
    await this.#database.deleteFrom("slo_window").where("release", "=", release).execute();
  }
}

function checkWindow(window: SloWindow): void {
  const counts = [window.startedCycle, window.probes, window.failures, window.slow];
  const whole = counts.every((count) => Number.isInteger(count) && count >= 0);
  if (!whole || window.failures > window.probes || window.slow > window.probes) {
    throw new ShopfloorError(
      "invalid-argument",
      `an SLO window counts whole probes, failures and slow ones among them: ${JSON.stringify(window)}`,
    );
  }
}
