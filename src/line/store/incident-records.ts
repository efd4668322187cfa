/**
 * The incidents in the store: what the monitor (or a person's rollback) opened against a release,
 * with its evidence and the fix work item opened for it. Opening one writes its `incident.open`
 * event in the same transaction.
 */
import type { Kysely } from "kysely";
import { ShopfloorError } from "../../contracts/errors.js";
import { Incident } from "../../contracts/release.js";
import type { FactoryDatabase, IncidentTable } from "../../store/factory-database.js";
import { incidentFromRow } from "./line-rows.js";
import { type LineContext, unusedId, writeLine } from "./line-transaction.js";
import { problems, requireItem, requireText } from "./record-checks.js";

export type NewIncident = Omit<Incident, "id" | "openedAt">;

export interface IncidentFilter {
  service?: string;
  workItem?: string;
}

export class IncidentRecords {
  readonly #context: LineContext;

  constructor(context: LineContext) {
    this.#context = context;
  }

  get #database(): Kysely<FactoryDatabase> {
    return this.#context.database;
  }

  /** Records an incident with its `incident.open` event on the incident's work item. */
  async openIncident(input: NewIncident): Promise<Incident> {
    const parsed = Incident.omit({ id: true, openedAt: true }).safeParse(input);
    if (!parsed.success) {
      throw new ShopfloorError(
        "invalid-argument",
        `the incident cannot be recorded: ${problems(parsed.error)}`,
      );
    }
    const incident = parsed.data;
    return writeLine(this.#context, async ({ transaction, at, append }) => {
      await requireItem(transaction, incident.workItem);
      const id = await unusedId(
        () => this.#context.randomHex(4),
        async (candidate) => (await selectIncident(transaction, candidate)) !== undefined,
      );
      await append(incident.workItem, "incident.open", {
        incident: id,
        release: incident.release,
        summary: incident.summary,
        ...(incident.fixItem === undefined ? {} : { fixItem: incident.fixItem }),
      });
      const row: IncidentTable = {
        id,
        service: incident.service,
        release: incident.release,
        rolled_back_to: incident.rolledBackTo ?? null,
        work_item: incident.workItem,
        fix_item: incident.fixItem ?? null,
        by_whom: incident.by,
        summary: incident.summary,
        evidence: JSON.stringify(incident.evidence),
        opened_at: at,
      };
      await transaction.insertInto("incident").values(row).execute();
      return incidentFromRow(row);
    });
  }

  /** Names the fix work item opened for an incident. */
  async setIncidentFixItem(id: string, fixItem: string): Promise<Incident> {
    requireText("fix item's id", fixItem);
    return writeLine(this.#context, async ({ transaction }) => {
      const row = await selectIncident(transaction, id);
      if (row === undefined) throw new ShopfloorError("not-found", `there is no incident ${id}`);
      await transaction
        .updateTable("incident")
        .set({ fix_item: fixItem })
        .where("id", "=", id)
        .execute();
      return incidentFromRow({ ...row, fix_item: fixItem });
    });
  }

  async incident(id: string): Promise<Incident | undefined> {
    const row = await selectIncident(this.#database, id);
    return row === undefined ? undefined : incidentFromRow(row);
  }

  /** Newest first. */
  async incidents(filter: IncidentFilter = {}): Promise<Incident[]> {
    let select = this.#database
      .selectFrom("incident")
      .selectAll()
      .orderBy("opened_at", "desc")
      .orderBy("id", "desc");
    if (filter.service !== undefined) select = select.where("service", "=", filter.service);
    if (filter.workItem !== undefined) select = select.where("work_item", "=", filter.workItem);
    return (await select.execute()).map(incidentFromRow);
  }
}

async function selectIncident(
  database: Kysely<FactoryDatabase>,
  id: string,
): Promise<IncidentTable | undefined> {
  return database.selectFrom("incident").selectAll().where("id", "=", id).executeTakeFirst();
}
