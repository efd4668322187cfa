/** The page of quality profiles and budgets. */
export function SettingsPage() {
  return <h1>quality profiles and budgets</h1>;
}
