/**
 * A value that follows another once it has stopped changing for `delayMs`: the planner asks the server
 * when a person pauses typing, not at every keystroke.
 */
import { useEffect, useState } from "react";

export function useDebouncedValue<Value>(value: Value, delayMs: number): Value {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
