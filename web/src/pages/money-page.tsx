/** The page of money: burn against the budget. */
export function MoneyPage() {
  return <h1>money: burn against the budget</h1>;
}
