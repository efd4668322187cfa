/** The page of the exception queue. */
export function ExceptionsPage() {
  return <h1>the exception queue</h1>;
}
