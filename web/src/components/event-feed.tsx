/**
 * Line events as a compact list, newest first: when, which item (linked), and what happened in a sentence.
 * The line page shows the stream's recent events; a work item's page shows its whole provenance.
 */
import { Link } from "wouter";
import type { LineEvent } from "../../../src/contracts/line-event.js";
import { formatTime } from "./age.js";
import { describeEvent, eventTone } from "./event-text.js";

export function EventFeed({
  events,
  showItem = true,
  testId,
  empty = "No events yet.",
}: {
  events: readonly LineEvent[];
  showItem?: boolean;
  testId?: string;
  empty?: string;
}) {
  if (events.length === 0) {
    return (
      <p className="empty" data-testid={testId}>
        {empty}
      </p>
    );
  }
  return (
    <ul className="event-feed" data-testid={testId}>
      {events.map((event) => (
        <li key={event.sequence} data-type={event.type}>
          <span className="muted number" title={formatTime(event.at)}>
            {new Date(event.at).toLocaleTimeString(undefined, { hour12: false })}
          </span>
          <span>
            <span className={`event-type badge badge-${eventTone(event)}`}>{event.type}</span>{" "}
            {showItem && (
              <>
                <Link href={`/items/${encodeURIComponent(event.workItem)}`} className="mono">
                  {event.workItem}
                </Link>{" "}
              </>
            )}
            {describeEvent(event)}
          </span>
        </li>
      ))}
    </ul>
  );
}
