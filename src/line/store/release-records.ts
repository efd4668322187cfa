/**
 * The releases of each service in the store: numbered per service, moved through their states, and
 * each kept with the request it was started from so a restarted host can bring it back. Starting a
 * release writes its `release.start` event in the same transaction. The monitor's records and the
 * incidents are beside it (monitor-records.ts, incident-records.ts).
 */
import type { Kysely } from "kysely";
import { ShopfloorError } from "../../contracts/errors.js";
import {
  type Release,
  ReleaseState,
  type ReleaseState as ReleaseStateName,
} from "../../contracts/release.js";
import type { ReleaseRequest } from "../../deploy/deploy-target.js";
import type { FactoryDatabase, ReleaseTable } from "../../store/factory-database.js";
import { closeIds, matchPrefix } from "./id-lookup.js";
import { releaseFromRow, releaseRequestFromRow, StoredReleaseRequest } from "./line-rows.js";
import { type LineContext, writeLine } from "./line-transaction.js";
import { problems, requireItem, requireText } from "./record-checks.js";

/** How a release starts: what the caller knows once the store has given the release its id. */
export type ReleaseLaunch = Pick<ReleaseRequest, "directory" | "command" | "healthPath" | "env">;

export interface NewRelease {
  service: string;
  workItem: string;
  build: string;
  commit: string;
  /** The deploy target's name. */
  target: string;
  /**
   * How to start it, given the release's id (its folder is named after it); called inside the creating
   * transaction. The request's release, service, work item, build and commit are the release's own.
   */
  request(release: string): ReleaseLaunch;
}

export interface ReleaseChange {
  state: ReleaseStateName;
  reason?: string;
  address?: string;
  /** Compare-and-set: the state (or one of the states) the release must be in. */
  from?: ReleaseStateName | readonly ReleaseStateName[];
}

export interface ReleaseFilter {
  service?: string;
  workItem?: string;
  states?: readonly ReleaseStateName[];
}

const endedStates: readonly ReleaseStateName[] = ["retired", "failed", "rolled-back"];

export class ReleaseRecords {
  readonly #context: LineContext;

  constructor(context: LineContext) {
    this.#context = context;
  }

  get #database(): Kysely<FactoryDatabase> {
    return this.#context.database;
  }

  /** A new release in state starting, numbered after the service's highest, with its `release.start`. */
  async createRelease(input: NewRelease): Promise<Release> {
    for (const field of ["service", "workItem", "build", "commit", "target"] as const) {
      requireText(`release's ${field}`, input[field]);
    }
    return writeLine(this.#context, async ({ transaction, at, append }) => {
      await requireItem(transaction, input.workItem);
      const highest = await transaction
        .selectFrom("release")
        .select((expression) => expression.fn.max("number").as("number"))
        .where("service", "=", input.service)
        .executeTakeFirst();
      const number = Number(highest?.number ?? 0) + 1;
      const id = `${input.service}-r${number}`;
      const request = StoredReleaseRequest.safeParse({
        ...input.request(id),
        release: id,
        service: input.service,
        workItem: input.workItem,
        build: input.build,
        commit: input.commit,
      });
      if (!request.success) throw unfitRequest(id, problems(request.error));
      await append(input.workItem, "release.start", {
        release: id,
        build: input.build,
        target: input.target,
      });
      const row: ReleaseTable = {
        id,
        service: input.service,
        number,
        work_item: input.workItem,
        build: input.build,
        commit_sha: input.commit,
        target: input.target,
        state: "starting",
        address: null,
        reason: null,
        request: JSON.stringify(request.data),
        created_at: at,
        updated_at: at,
        live_at: null,
        ended_at: null,
      };
      await transaction.insertInto("release").values(row).execute();
      return releaseFromRow(row);
    });
  }

  async release(id: string): Promise<Release | undefined> {
    const row = await selectRelease(this.#database, id);
    return row === undefined ? undefined : releaseFromRow(row);
  }

  /** What the release was started from, for starting it again. */
  async releaseRequest(id: string): Promise<ReleaseRequest> {
    const row = await selectRelease(this.#database, id);
    if (row === undefined) throw releaseNotFound(id);
    return releaseRequestFromRow(row);
  }

  /**
   * Replaces what the release is started from (its command, once its code is exported); the request
   * must name the release, its service, work item, build and commit as stored.
   */
  async setReleaseRequest(id: string, request: ReleaseRequest): Promise<void> {
    const parsed = StoredReleaseRequest.safeParse(request);
    if (!parsed.success) throw unfitRequest(id, problems(parsed.error));
    await writeLine(this.#context, async ({ transaction, at }) => {
      const row = await selectRelease(transaction, id);
      if (row === undefined) throw releaseNotFound(id);
      const stored = [row.id, row.service, row.work_item, row.build, row.commit_sha];
      const given = [
        request.release,
        request.service,
        request.workItem,
        request.build,
        request.commit,
      ];
      if (stored.join("\n") !== given.join("\n")) {
        throw unfitRequest(id, `it names ${given.join(", ")}, not ${stored.join(", ")}`);
      }
      await transaction
        .updateTable("release")
        .set({ request: JSON.stringify(parsed.data), updated_at: at })
        .where("id", "=", id)
        .execute();
    });
  }

  /** The release with this id, or the one whose id starts with it; else an error naming what exists. */
  async requireRelease(idOrPrefix: string): Promise<Release> {
    if (idOrPrefix.length === 0)
      throw new ShopfloorError("invalid-argument", "give the release's id");
    const ids = (await this.#newestFirst().select("id").execute()).map((row) => row.id);
    const match = matchPrefix(idOrPrefix, ids);
    if (match.kind === "many") {
      throw new ShopfloorError(
        "invalid-argument",
        `"${idOrPrefix}" names more than one release: ${match.ids.join(", ")}; give more of the id`,
      );
    }
    const found = match.kind === "one" ? await this.release(match.id) : undefined;
    if (found === undefined) throw unknownRelease(idOrPrefix, ids);
    return found;
  }

  /** Newest first. */
  async releases(filter: ReleaseFilter = {}): Promise<Release[]> {
    if (filter.states !== undefined && filter.states.length === 0) return [];
    let select = this.#newestFirst().selectAll();
    if (filter.service !== undefined) select = select.where("service", "=", filter.service);
    if (filter.workItem !== undefined) select = select.where("work_item", "=", filter.workItem);
    if (filter.states !== undefined) select = select.where("state", "in", [...filter.states]);
    return (await select.execute()).map(releaseFromRow);
  }

  async liveRelease(service: string): Promise<Release | undefined> {
    return (await this.releases({ service, states: ["live"] }))[0];
  }

  /** The newest standby release: the one a rollback goes back to. */
  async standbyRelease(service: string): Promise<Release | undefined> {
    return (await this.releases({ service, states: ["standby"] }))[0];
  }

  /** The services with a live or standby release, by name. */
  async services(): Promise<string[]> {
    const rows = await this.#database
      .selectFrom("release")
      .select("service")
      .distinct()
      .where("state", "in", ["live", "standby"])
      .orderBy("service")
      .execute();
    return rows.map((row) => row.service);
  }

  /**
   * Moves a release to a state (setting live_at when it goes live, ended_at when it ends), keeping its
   * reason and address unless new ones are given. With `from`, an invalid-argument error when the
   * release is in none of those states.
   */
  async updateRelease(id: string, change: ReleaseChange): Promise<Release> {
    const state = ReleaseState.safeParse(change.state);
    if (!state.success) {
      throw new ShopfloorError("invalid-argument", `"${change.state}" is not a release state`);
    }
    if (change.reason !== undefined) requireText("release's reason", change.reason);
    if (change.address !== undefined) requireText("release's address", change.address);
    const from = change.from === undefined ? undefined : [change.from].flat();
    return writeLine(this.#context, async ({ transaction, at }) => {
      const row = await selectRelease(transaction, id);
      if (row === undefined) throw releaseNotFound(id);
      if (from !== undefined && !from.includes(row.state as ReleaseStateName)) {
        throw new ShopfloorError(
          "invalid-argument",
          `release ${id} is ${row.state}, not ${from.join(" or ")}: it cannot become ${state.data}`,
        );
      }
      const moved = row.state !== state.data;
      const ends = endedStates.includes(state.data);
      const changes = {
        state: state.data,
        reason: change.reason ?? row.reason,
        address: change.address ?? row.address,
        updated_at: at,
        live_at: moved && state.data === "live" ? at : row.live_at,
        ended_at: moved ? (ends ? at : null) : row.ended_at,
      };
      await transaction.updateTable("release").set(changes).where("id", "=", id).execute();
      return releaseFromRow({ ...row, ...changes });
    });
  }

  #newestFirst() {
    return this.#database
      .selectFrom("release")
      .orderBy("created_at", "desc")
      .orderBy("number", "desc")
      .orderBy("id", "desc");
  }
}

async function selectRelease(
  database: Kysely<FactoryDatabase>,
  id: string,
): Promise<ReleaseTable | undefined> {
  return database.selectFrom("release").selectAll().where("id", "=", id).executeTakeFirst();
}

function unfitRequest(release: string, problem: string): ShopfloorError {
  return new ShopfloorError(
    "invalid-argument",
    `release ${release} cannot be started from this request: ${problem}`,
  );
}

function releaseNotFound(id: string): ShopfloorError {
  return new ShopfloorError("not-found", `there is no release ${id}`);
}

/** Not found: the close ids when there are some, else the newest releases, so the right id is in view. */
function unknownRelease(text: string, newestFirst: readonly string[]): ShopfloorError {
  const close = closeIds(text, newestFirst);
  const shown = newestFirst.slice(0, 10);
  const more =
    newestFirst.length > shown.length ? ` and ${newestFirst.length - shown.length} more` : "";
  const hint =
    close.length > 0
      ? `; did you mean ${close.join(", ")}?`
      : newestFirst.length === 0
        ? "; there are no releases yet"
        : `; the releases are ${shown.join(", ")}${more}`;
  return new ShopfloorError("not-found", `no release has an id starting with "${text}"${hint}`);
}
