import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { type ItemSpec, openLineCaches } from "../cache/line-caches.js";
import { MemoCache } from "../cache/memo-cache.js";
import { scenariosStation } from "./scenarios.js";

let fixture: LineFixture;
beforeEach(async () => {
  fixture = await lineFixture();
});
afterEach(() => fixture.remove());

async function builtItem() {
  const item = await fixture.session.submit({ specPath: fixture.smallSpec });
  await fixture.runNext("intake");
  await fixture.runNext("build");
  return item;
}

describe("the scenarios station", () => {
  it("generates and stores the holdout suite, and sends the built candidates to their trials", async () => {
    const item = await builtItem();
    await fixture.runNext("scenarios");
    const stored = await fixture.services.store.workItem(item.id);
    expect(stored?.state).toBe("trials");
    expect(stored?.suite).toMatch(/^todo-api@[0-9a-f]+$/);
    const suite = await fixture.services.suites.load(stored?.suite ?? "");
    expect(suite.scenarios).toHaveLength(10);
    const ready = (await fixture.services.store.events({ workItem: item.id })).find(
      (event) => event.type === "suite.ready",
    );
    expect(ready?.payload).toEqual({
      suite: stored?.suite,
      normal: 5,
      edge: 3,
      malicious: 2,
      generated: true,
    });
    expect(await fixture.waiting("trials")).toEqual([
      { workItem: item.id, build: `${item.id}.1.1`, round: 1 },
    ]);
  });

  it("announces the suite once when the job runs again", async () => {
    const item = await builtItem();
    await scenariosStation({ workItem: item.id }, fixture.context());
    const events = await fixture.services.store.events({ workItem: item.id });
    await scenariosStation({ workItem: item.id }, fixture.context());
    expect(await fixture.services.store.events({ workItem: item.id })).toEqual(events);
  });

  it("judges by the version a person froze, without generating", async () => {
    const first = await builtItem();
    await fixture.runNext("scenarios");
    const reference = (await fixture.services.store.workItem(first.id))?.suite ?? "";
    await fixture.services.suites.freeze(reference);
    const second = await builtItem();
    await fixture.runNext("scenarios");
    expect((await fixture.services.store.workItem(second.id))?.suite).toBe(reference);
    const ready = (await fixture.services.store.events({ workItem: second.id })).find(
      (event) => event.type === "suite.ready",
    );
    expect(ready?.type === "suite.ready" && ready.payload.generated).toBe(false);
  });

  it("reads the spec only to generate a suite, not to find the frozen one by the item's name", async () => {
    const first = await builtItem();
    await fixture.runNext("scenarios");
    await fixture.services.suites.freeze(
      (await fixture.services.store.workItem(first.id))?.suite ?? "",
    );
    const second = await builtItem();
    const asked: string[] = [];
    const specs = new (class extends MemoCache<ItemSpec> {
      override get(key: string, make: () => Promise<ItemSpec>): Promise<ItemSpec> {
        asked.push(key);
        return super.get(key, make);
      }
    })(4);
    const caches = { ...openLineCaches(), specs };
    await scenariosStation({ workItem: second.id }, { ...fixture.context(), caches });
    expect((await fixture.services.store.workItem(second.id))?.state).toBe("trials");
    expect(asked).toEqual([]);
  });
});
