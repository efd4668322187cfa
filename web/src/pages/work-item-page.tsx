/** The page of one work item: its history, provenance and gate reports. */
export function WorkItemPage({ id }: { id: string }) {
  return <h1>{id}</h1>;
}
