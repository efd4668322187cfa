import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { interruptOn } from "./interrupt.js";

describe("interruptOn", () => {
  it("aborts on the first SIGINT and then lets the next one through", () => {
    const signals = new EventEmitter();
    const interrupt = interruptOn(signals);
    expect(interrupt.signal.aborted).toBe(false);
    signals.emit("SIGINT");
    expect(interrupt.signal.aborted).toBe(true);
    expect(signals.listenerCount("SIGINT") + signals.listenerCount("SIGTERM")).toBe(0);
  });

  it("leaves no handler behind once disposed", () => {
    const signals = new EventEmitter();
    const interrupt = interruptOn(signals);
    interrupt.dispose();
    signals.emit("SIGTERM");
    expect(interrupt.signal.aborted).toBe(false);
    expect(signals.listenerCount("SIGINT")).toBe(0);
  });
});
