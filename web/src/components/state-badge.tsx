/**
 * A state as a coloured badge: the class `badge-<state>` picks the colour (styles.css: good green, bad red,
 * waiting amber, in progress blue, else grey), so work items, builds, releases and gate categories all
 * read the same way.
 */
export function StateBadge({ state, label }: { state: string; label?: string }) {
  return (
    <span className={`badge badge-${state}`} data-state={state}>
      {label ?? state}
    </span>
  );
}
