/** A horizontal bar for a share of something (a pass rate, spend against a limit), coloured by tone. */
export function Meter({
  share,
  tone = "neutral",
  label,
}: {
  /** 0..1; clipped to the bar. */
  share: number | null;
  tone?: "good" | "waiting" | "bad" | "neutral";
  label: string;
}) {
  const width = share === null ? 0 : Math.min(1, Math.max(0, share)) * 100;
  return (
    <div
      className={`meter meter-${tone}`}
      title={`${label}: ${Math.round(width)}%`}
      // The figure it draws is written beside it; the bar adds nothing for a screen reader.
      aria-hidden="true"
    >
      <span style={{ width: `${width}%` }} />
    </div>
  );
}
