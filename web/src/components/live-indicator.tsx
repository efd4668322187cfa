/** Whether the line's event stream is open: a green "live" dot, else grey "reconnecting…". */
import { testIds } from "../test-ids.js";

export function LiveIndicator({ connected }: { connected: boolean }) {
  return (
    <span
      className="live-indicator"
      data-testid={testIds.liveIndicator}
      data-connected={connected ? "true" : "false"}
      title={
        connected
          ? "Following the line's events as they happen"
          : "The event stream is closed; reconnecting"
      }
    >
      {connected ? "live" : "reconnecting…"}
    </span>
  );
}
