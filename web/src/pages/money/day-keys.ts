/** The budget days of a report's range, so the chart has a bar for every day, spent on or not. */
const dayMilliseconds = 86_400_000;

/** Every day key from `since` to `until`, both included (keys are calendar dates, so UTC arithmetic). */
export function dayKeys(since: string, until: string): string[] {
  const keys: string[] = [];
  const last = Date.parse(`${until}T00:00:00Z`);
  for (let day = Date.parse(`${since}T00:00:00Z`); day <= last; day += dayMilliseconds) {
    keys.push(new Date(day).toISOString().slice(0, 10));
  }
  return keys;
}
