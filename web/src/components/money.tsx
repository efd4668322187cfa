/**
 * Money as people read it. The line counts in integer micro-dollars (1 USD = 1,000,000), so sums never
 * drift; this turns them into "$1.23", keeping more digits for sums under a cent so a cheap run does not
 * read as free.
 */
const microsPerDollar = 1_000_000;

export function formatMicroUsd(microUsd: number): string {
  const dollars = microUsd / microsPerDollar;
  const size = Math.abs(dollars);
  if (size === 0) return "$0.00";
  // Down to the micro-dollar the line counts in: "$0.00004", not "$0.0000".
  if (size < 0.01) return `${dollars < 0 ? "-" : ""}$${size.toFixed(6).replace(/0+$/, "")}`;
  return `${dollars < 0 ? "-" : ""}$${size.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Dollars (a limit a person typed, a policy in USD) as "$1.23". */
export function formatUsd(dollars: number): string {
  return formatMicroUsd(Math.round(dollars * microsPerDollar));
}

export function Money({ microUsd }: { microUsd: number | undefined }) {
  if (microUsd === undefined) return <span className="number muted">—</span>;
  return <span className="number">{formatMicroUsd(microUsd)}</span>;
}
