import { existsSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeTrialExecutor } from "../../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { todoSpec } from "../../../test/line/support/line-home.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import { loadItemSpec } from "../stations/item-flow.js";
import { mutantRunName, runMutant } from "./run-mutant.js";

vi.setConfig({ testTimeout: 60_000 });

let opened: LineFixture | undefined;
afterEach(async () => {
  await opened?.remove();
  opened = undefined;
});

describe("runMutant", () => {
  it("names a mutant after the build and its seed", () => {
    expect(mutantRunName("todo-api-3f9c2a.2.1", 7)).toBe("todo-api-3f9c2a.2.1.mutant-7");
  });

  it("neither tests nor charges a mutant that got no fault, and removes its worktree", async () => {
    const executor = new FakeTrialExecutor();
    const fixture = await lineFixture({ trialExecutor: executor });
    opened = fixture;
    const submitted = await fixture.session.submit({ specPath: todoSpec });
    for (const station of ["intake", "build", "scenarios", "trials", "gate"] as const) {
      await fixture.runNext(station);
    }
    const item = await fixture.services.store.requireWorkItem(submitted.id);
    const build = await fixture.services.store.build(item.approvedBuild ?? "");
    const { spec, text } = await loadItemSpec(fixture.services, item);
    const outcome = await runMutant(
      fixture.services,
      {
        workItem: item.id,
        build: build?.id ?? "",
        commit: build?.run?.commit ?? "",
        spec,
        specText: text,
        suite: await fixture.services.suites.load(item.suite ?? ""),
        profile: resolveProfile(item.profile, fixture.services.config),
        mutant: 1,
        seed: 3,
      },
      { signal: new AbortController().signal },
    );
    // The instant agent's build is a comment: no site for any kind of fault.
    expect(outcome).toMatchObject({
      mutant: 1,
      seed: 3,
      injected: false,
      branch: `shopfloor/${item.id}/${item.id}.1.1.mutant-3`,
    });
    expect(outcome.injected ? "" : outcome.reason).toMatch(/No fault injected: no .* site/);
    expect(executor.runs).toHaveLength(1);
    const charges = await fixture.services.database
      .selectFrom("reservation")
      .select("id")
      .where("station", "=", "calibrate")
      .execute();
    expect(charges).toEqual([]);
    expect(
      existsSync(fixture.services.repositories.worktreePath(item.id, `${item.id}.1.1.mutant-3`)),
    ).toBe(false);
  });
});
