/**
 * The line (`/`): today's outcomes, pass rates and spend; the work items at each station; the live event
 * feed; and, for tokens that may operate the line, a form to submit a spec. It follows the line's event
 * stream: every batch of events reloads the status.
 */
import { lineStatusRoute } from "../../../src/server/routes/line/line-routes.js";
import { useSession } from "../api/session-context.js";
import { useLineEvents } from "../api/use-line-events.js";
import { useProfileNames } from "../api/use-profile-names.js";
import { useRouteData } from "../api/use-route-data.js";
import { useNow } from "../components/age.js";
import { EventFeed } from "../components/event-feed.js";
import { LiveIndicator } from "../components/live-indicator.js";
import { LoadState } from "../components/load-state.js";
import { testIds } from "../test-ids.js";
import { LineSummary } from "./line/line-summary.js";
import { StationBoard } from "./line/station-board.js";
import { SubmitSpecForm } from "./line/submit-spec-form.js";

export function LinePage() {
  const events = useLineEvents();
  const status = useRouteData(lineStatusRoute, {}, events.latestSequence);
  const session = useSession();
  const profiles = useProfileNames();
  const now = useNow();
  return (
    <>
      <h1 className="page-title">
        Line <LiveIndicator connected={events.connected} />
      </h1>
      <LoadState data={status} what="the line's status">
        {(answer) => (
          <>
            <LineSummary status={answer} />
            <StationBoard status={answer} now={now} />
          </>
        )}
      </LoadState>
      <div className="grid grid-wide">
        <section className="card">
          <h2 className="card-title">Recent events</h2>
          <EventFeed
            events={events.recent}
            testId={testIds.eventFeed}
            empty="No events since this page opened; they appear here as the line works."
          />
        </section>
        {session.can("operate") ? (
          <SubmitSpecForm profiles={profiles} />
        ) : (
          <section className="card">
            <h2 className="card-title">Submit a spec</h2>
            <p className="muted">
              {session.name === undefined
                ? "…"
                : `The token ${session.name} may only read; submitting needs one with the operate scope.`}
            </p>
          </section>
        )}
      </div>
    </>
  );
}
