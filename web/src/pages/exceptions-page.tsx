/**
 * The exception queue (`/exceptions`): what the line could not decide itself, oldest first, each with
 * its evidence and the decisions that fit it. "Decided" and "All" show the decisions already taken. An
 * exception decided here stays on the page, shown decided with who, when and why, until the page is left.
 */
import { useState } from "react";
import { exceptionsRoute } from "../../../src/server/routes/line/line-routes.js";
import type { DecisionAnswer, ExceptionsAnswer } from "../api/answers.js";
import { useLineEvents } from "../api/use-line-events.js";
import { useProfileNames } from "../api/use-profile-names.js";
import { useRouteData } from "../api/use-route-data.js";
import { useNow } from "../components/age.js";
import { LiveIndicator } from "../components/live-indicator.js";
import { LoadState } from "../components/load-state.js";
import { ExceptionCard } from "./exceptions/exception-card.js";

const views = [
  { state: "open", label: "Open" },
  { state: "decided", label: "Decided" },
  { state: "all", label: "All" },
] as const;
type View = (typeof views)[number]["state"];

type Exception = ExceptionsAnswer["exceptions"][number];

export function ExceptionsPage() {
  const events = useLineEvents();
  const [view, setView] = useState<View>("open");
  const exceptions = useRouteData(
    exceptionsRoute,
    { query: { state: view } },
    events.latestSequence,
  );
  const profiles = useProfileNames();
  const now = useNow();
  // Decided on this page: the exception as it was, and the decision taken.
  const [decidedHere, setDecidedHere] = useState<
    Record<string, { exception: Exception; decision: DecisionAnswer }>
  >({});
  return (
    <>
      <h1 className="page-title">
        Exceptions <LiveIndicator connected={events.connected} />
      </h1>
      <div className="tabs" role="tablist">
        {views.map((each) => (
          <button
            key={each.state}
            type="button"
            role="tab"
            aria-selected={each.state === view}
            className={`button button-small${each.state === view ? " selected" : ""}`}
            onClick={() => setView(each.state)}
          >
            {each.label}
          </button>
        ))}
      </div>
      <LoadState data={exceptions} what="the exception queue">
        {(answer) => {
          const listed = answer.exceptions;
          // Keep what was decided here in view even when the list (open ones) no longer has it.
          const kept = Object.values(decidedHere)
            .map((entry) => entry.exception)
            .filter((exception) => !listed.some((each) => each.id === exception.id));
          const shown = [...listed, ...kept].sort((left, right) =>
            left.openedAt.localeCompare(right.openedAt),
          );
          if (shown.length === 0) {
            return (
              <p className="empty">
                {view === "open"
                  ? "No open exceptions: the line decided everything itself."
                  : "No exceptions."}
              </p>
            );
          }
          return (
            <div className="stack">
              {shown.map((exception) => (
                <ExceptionCard
                  key={exception.id}
                  exception={exception}
                  decision={decidedHere[exception.id]?.decision}
                  profiles={profiles}
                  now={now}
                  onDecided={(decision) =>
                    setDecidedHere((previous) => ({
                      ...previous,
                      [exception.id]: { exception, decision },
                    }))
                  }
                />
              ))}
            </div>
          );
        }}
      </LoadState>
    </>
  );
}
