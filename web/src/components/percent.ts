/** A share (0..1) as a percentage a person reads: "97.5%"; "—" when there is none. */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || Number.isNaN(share)) return "—";
  const percent = share * 100;
  // Whole percentages read cleaner; keep a decimal only where it says something.
  return `${Number.isInteger(Math.round(percent * 10) / 10) ? percent.toFixed(0) : percent.toFixed(digits)}%`;
}
