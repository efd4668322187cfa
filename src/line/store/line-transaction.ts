/**
 * One write to the line: a transaction that holds the database's write lock from its start (so a
 * compare-and-set cannot interleave with another process's), the time of the write read once, and the
 * events it appends. Listeners hear of the events only after the transaction commits, so they never
 * announce a change that was rolled back.
 */
import type { Kysely } from "kysely";
import { ShopfloorError } from "../../contracts/errors.js";
import type { LineEvent, LineEventPayload, LineEventType } from "../../contracts/line-event.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import { inImmediateTransaction } from "../../store/immediate-transaction.js";
import { insertEvent } from "./event-log.js";

/** What the store's parts share: the database, the clock, randomness for ids, the event listener. */
export interface LineContext {
  database: Kysely<FactoryDatabase>;
  now(): Date;
  randomHex(bytes: number): string;
  onEvent?(event: LineEvent): void;
}

export interface LineWrite {
  transaction: Kysely<FactoryDatabase>;
  /** The time of this write, ISO-8601 UTC. */
  at: string;
  append<Type extends LineEventType>(
    workItem: string,
    type: Type,
    payload: LineEventPayload<Type>,
  ): Promise<LineEvent>;
}

export async function writeLine<Result>(
  context: LineContext,
  work: (write: LineWrite) => Promise<Result>,
): Promise<Result> {
  const written: LineEvent[] = [];
  const at = context.now().toISOString();
  const result = await inImmediateTransaction(context.database, (transaction) =>
    work({
      transaction,
      at,
      append: async (workItem, type, payload) => {
        const event = await insertEvent(transaction, { workItem, type, payload, at });
        written.push(event);
        return event;
      },
    }),
  );
  for (const event of written) context.onEvent?.(event);
  return result;
}

/** A fresh id from `make`, tried against `taken` a few times: random ids collide rarely, not never. */
export async function unusedId(
  make: () => string,
  taken: (id: string) => Promise<boolean>,
): Promise<string> {
  for (let tries = 0; tries < 10; tries += 1) {
    const id = make();
    if (!(await taken(id))) return id;
  }
  throw new ShopfloorError(
    "internal",
    "could not find an unused id in 10 tries; is randomHex random?",
  );
}
