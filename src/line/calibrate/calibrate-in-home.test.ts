import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeTrialExecutor, InstantAgent } from "../../../test/line/support/line-fakes.js";
import {
  type LineHome,
  openLineHome,
  repositoryRoot,
  todoSpec,
} from "../../../test/line/support/line-home.js";
import { Config } from "../../contracts/config.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import { calibrateInHome } from "./calibrate-in-home.js";

vi.setConfig({ testTimeout: 60_000 });

let setup: LineHome;
afterEach(() => setup.remove());

describe("calibrateInHome", () => {
  it("calibrates an item of a home and leaves the home readable by the line", async () => {
    const executor = new FakeTrialExecutor();
    const agent = new InstantAgent();
    const options = {
      trialExecutor: executor,
      createAgent: async () => agent,
    };
    setup = await openLineHome({}, options);
    const item = await setup.line.submit({ specPath: todoSpec });
    await setup.line.run();
    const result = await calibrateInHome(
      {
        home: setup.home,
        config: Config.parse({}),
        environment: process.env,
        projectFolder: repositoryRoot,
        sandbox: new NoSandbox(),
        ...options,
      },
      { workItem: item.id, mutants: 2, seed: 5 },
    );
    expect(result.sandboxWarning).toBeUndefined();
    // The instant agent's build is one comment: no site for any fault, so nothing is counted.
    expect(result.report).toMatchObject({ mutants: 2, injected: 0, caught: 0, share: null });
    expect(result.report.notInjected.map((each) => each.seed)).toEqual([6, 7]);
    expect(result.report.notInjected[0]?.reason).toMatch(/No fault injected: no .* site/);
    expect(executor.runs).toHaveLength(1);

    const reopened = await setup.reopen();
    const history = await reopened.history(item.id);
    expect(history.events.at(-1)).toMatchObject({
      type: "calibration.end",
      payload: { mutants: 0, caught: 0, lower: 0, upper: 1, report: result.artifact },
    });
  });

  it("refuses an unknown item", async () => {
    setup = await openLineHome();
    await expect(
      calibrateInHome(
        {
          home: setup.home,
          config: Config.parse({}),
          environment: process.env,
          projectFolder: repositoryRoot,
          sandbox: new NoSandbox(),
        },
        { workItem: "nothing-000000" },
      ),
    ).rejects.toMatchObject({ code: "not-found" });
  });
});
