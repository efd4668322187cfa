/**
 * How long ago something happened, or how long it took, in the unit a person reads at a glance:
 * "12 s", "3 min", "2 h 5 min", "4 d". `Age` shows the time since an ISO timestamp and says the exact
 * time on hover.
 */
import { useEffect, useState } from "react";
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  return `${Math.floor(hours / 24)} d`;
}

/** Seconds from `isoTime` to `now` (milliseconds since the epoch); never negative. */
export function secondsSince(isoTime: string, now: number = Date.now()): number {
  const then = Date.parse(isoTime);
  if (Number.isNaN(then)) return 0;
  return Math.max(0, (now - then) / 1000);
}

export function Age({ since, now }: { since: string; now?: number }) {
  return (
    <time className="nowrap" dateTime={since} title={new Date(since).toLocaleString()}>
      {formatDuration(secondsSince(since, now))}
    </time>
  );
}

/** A timestamp as this browser's local date and time, short. */
export function formatTime(isoTime: string): string {
  const date = new Date(isoTime);
  if (Number.isNaN(date.getTime())) return isoTime;
  return date.toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

/** The current time, renewed every `everyMs`, so ages on screen keep counting between refreshes. */
export function useNow(everyMs = 5_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
