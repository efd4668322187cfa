import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Config } from "../contracts/config.js";
import { NoSandbox } from "../runners/sandbox/no-sandbox.js";
import { closeFactoryDatabase } from "../store/open-factory-database.js";
import { openLineServices } from "./line-services.js";

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-services-"));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe("the line's services", () => {
  it("are opened on the home's database, with the given sandbox and the injected clock", async () => {
    const now = () => new Date("2026-11-24T09:30:00.000Z");
    const { services, sandboxWarning } = await openLineServices({
      home,
      config: Config.parse({}),
      environment: {},
      projectFolder: home,
      sandbox: new NoSandbox(),
      now,
    });
    try {
      expect(sandboxWarning).toBeUndefined();
      await services.queue.enqueue({ station: "intake", payload: { workItem: "x" }, key: "k" });
      const job = await services.database.selectFrom("job").select("run_at").executeTakeFirst();
      expect(job?.run_at).toBe(now().getTime());
      const agent = await services.createAgent({ agent: "scaffold" }, 1);
      expect(agent.name).toBe("scaffold");
      expect(services.suites.folder).toBe(join(home, "suites"));
      expect(services.now()).toEqual(now());
    } finally {
      await closeFactoryDatabase(services.database);
    }
  });
});
