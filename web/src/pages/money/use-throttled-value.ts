/**
 * A value that follows another at most once per `intervalMs`, and always ends on its latest value: the
 * money page refreshes on line events, and a burst of trial events should cost a few reloads, not one
 * per event.
 */
import { useEffect, useRef, useState } from "react";

export function useThrottledValue<Value>(value: Value, intervalMs: number): Value {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  useEffect(() => {
    const wait = lastShownAt.current + intervalMs - Date.now();
    const show = () => {
      lastShownAt.current = Date.now();
      setShown(value);
    };
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}
