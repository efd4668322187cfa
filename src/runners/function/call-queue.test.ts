import { describe, expect, it } from "vitest";
import { CallQueue } from "./call-queue.js";

class Item {
  settled = false;
  constructor(readonly label: number) {}
}

describe("CallQueue", () => {
  it("hands out calls in the order they came", () => {
    const queue = new CallQueue<Item>();
    for (let label = 0; label < 3_000; label += 1) queue.push(new Item(label));
    const taken: number[] = [];
    for (let item = queue.take(); item !== undefined; item = queue.take()) taken.push(item.label);
    expect(taken).toEqual(Array.from({ length: 3_000 }, (_, label) => label));
    expect(queue.length).toBe(0);
  });

  it("skips calls settled while they waited", () => {
    const queue = new CallQueue<Item>();
    const items = [new Item(1), new Item(2), new Item(3)];
    for (const item of items) queue.push(item);
    for (const item of items.slice(0, 2)) item.settled = true;
    expect(queue.peek()?.label).toBe(3);
    expect(queue.take()?.label).toBe(3);
    expect(queue.take()).toBeUndefined();
  });

  it("drains the calls still waiting", () => {
    const queue = new CallQueue<Item>();
    const items = [new Item(1), new Item(2), new Item(3)];
    for (const item of items) queue.push(item);
    queue.take();
    if (items[1]) items[1].settled = true;
    expect(queue.drain().map((item) => item.label)).toEqual([3]);
    expect(queue.peek()).toBeUndefined();
  });
});
