/**
 * What a page shows before its data is there: "Loading…" on the first load, the server's message if
 * the call failed (with a retry). Once data arrived, a failed refresh keeps the data on screen and shows
 * the error above it. Use: `<LoadState data={status}>{(answer) => …}</LoadState>`.
 */
import type { ReactNode } from "react";
import type { RouteData } from "../api/use-route-data.js";

export function LoadState<Answer>({
  data: routeData,
  what = "this",
  children,
}: {
  data: RouteData<Answer>;
  /** Names what is loading, for the messages ("the line's status"). */
  what?: string;
  children: (answer: Answer) => ReactNode;
}) {
  const { data, error, loading, reload } = routeData;
  const problem =
    error === undefined ? null : (
      <div className="error" role="alert">
        Could not load {what}: {error.message}{" "}
        <button type="button" className="button button-small" onClick={reload}>
          Try again
        </button>
      </div>
    );
  if (data === undefined) {
    if (problem !== null) return problem;
    return <p className="loading">{loading ? `Loading ${what}…` : `No data for ${what}.`}</p>;
  }
  return (
    <>
      {problem}
      {children(data)}
    </>
  );
}

/** An error from a call a person started (a form's submit), shown where they look. */
export function ErrorMessage({ error }: { error: Error | undefined }) {
  if (error === undefined) return null;
  return (
    <div className="error" role="alert">
      {error.message}
    </div>
  );
}
