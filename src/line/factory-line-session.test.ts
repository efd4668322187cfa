import { afterEach, describe, expect, it, vi } from "vitest";
import { type LineFixture, lineFixture } from "../../test/line/support/line-fixture.js";
import { todoSpec, vagueSpec } from "../../test/line/support/line-home.js";

vi.setConfig({ testTimeout: 30_000 });

let fixture: LineFixture;
afterEach(() => fixture.remove());

describe("a factory line session", () => {
  it("runs until idle and reports the items its jobs touched, or the items asked for", async () => {
    fixture = await lineFixture();
    const good = await fixture.session.submit({ specPath: todoSpec });
    const vague = await fixture.session.submit({ specPath: vagueSpec });
    const summary = await fixture.session.run();
    expect(summary.jobsRun).toBe(6);
    expect(summary.items.map((item) => [item.id, item.state]).sort()).toEqual(
      [
        [good.id, "approved"],
        [vague.id, "exception"],
      ].sort(),
    );
    const again = await fixture.session.run({ items: [vague.id, "unknown-item"] });
    expect(again).toEqual({ jobsRun: 0, items: [expect.objectContaining({ id: vague.id })] });
  });

  it("turns a job that dies into an exception a person sees", async () => {
    fixture = await lineFixture();
    const item = await fixture.session.submit({ specPath: todoSpec });
    await fixture.services.queue.enqueue({
      station: "gate",
      payload: { workItem: item.id },
      key: "a-broken-gate-job",
    });
    await fixture.session.run();
    const exceptions = await fixture.session.exceptions();
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({ workItem: item.id, reason: "inconclusive-gate" });
    expect(exceptions[0]?.summary).toContain("a gate job's payload is not valid: attempt");
  });

  it("stops leasing when its signal is aborted", async () => {
    fixture = await lineFixture();
    await fixture.session.submit({ specPath: todoSpec });
    const controller = new AbortController();
    controller.abort();
    const summary = await fixture.session.run({ signal: controller.signal });
    expect(summary).toEqual({ jobsRun: 0, items: [] });
    expect((await fixture.session.status()).queue.intake.waiting).toBe(1);
  });
});
