/** The page of the line: work items per station, live. */
export function LinePage() {
  return <h1>the line: work items per station, live</h1>;
}
