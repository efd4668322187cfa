/** The page of releases and the monitor. */
export function ReleasesPage() {
  return <h1>releases and the monitor</h1>;
}
