/**
 * The dashboard end to end, as a factory manager uses it: `shopfloor serve` as a real process on a real
 * line (the offline scaffold agent, real trials, deploys to the local target) and Debian's chromium. It
 * signs in with the link the server printed, watches submitted specs move across the stations live,
 * opens a gate report, decides the exception an injected fault caused and sees the decision recorded,
 * then visits money, settings and releases, taking a screenshot of each page (`npm run screenshots`
 * writes them to docs/screenshots/).
 */

import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { testIds } from "../../web/src/test-ids.js";
import { type ConsoleServer, startConsoleServer } from "./support/console-server.js";
import { type DashboardBrowser, openDashboardBrowser } from "./support/dashboard-browser.js";
import {
  createDashboardFactory,
  type DashboardFactory,
  oneShotProfile,
} from "./support/dashboard-factory.js";
import { describeWithChromium } from "./support/describe-with-chromium.js";
import { recordLineItemStates, seenStates, wasReloaded } from "./support/state-recorder.js";
import { createSteps, failureScreenshotPath } from "./support/test-steps.js";

/**
 * The longest the line may take to reach a state the test waits for, or a monitor cycle to finish:
 * seconds on a quiet machine, much more on a busy one (the other test files run beside this one).
 */
const lineWorkMs = 90_000;

/** Clicks Submit and reads the new item's id from the form's "Submitted as" notice. */
async function submitThroughForm(page: Page, previous?: string): Promise<string> {
  const form = page.getByTestId(testIds.submitForm);
  await form.getByRole("button", { name: "Submit", exact: true }).click();
  const notice = form.locator(".notice", { hasText: "Submitted as" }).getByRole("link");
  const newItem = previous === undefined ? notice : notice.filter({ hasNotText: previous });
  await newItem.waitFor();
  return ((await newItem.textContent()) ?? "").trim();
}

describeWithChromium("the dashboard in chromium, on `shopfloor serve`", () => {
  const cleanups: (() => unknown)[] = [];
  let factory: DashboardFactory;
  let server: ConsoleServer;
  let browser: DashboardBrowser;
  let page: Page;
  /** The item that goes live (its first build is sent back by the gate), and the one left for a person. */
  const items = { live: "", held: "" };

  beforeAll(async () => {
    factory = createDashboardFactory();
    cleanups.push(() => factory.remove());
    server = await startConsoleServer({ home: factory.home });
    cleanups.push(() => server.stop());
    browser = await openDashboardBrowser();
    cleanups.push(() => browser.close());
    page = browser.page;
    page.setDefaultTimeout(30_000);
  }, 180_000);

  // Everything started is stopped, in reverse order, even when a step or another cleanup failed.
  afterAll(async () => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, "the end-to-end cleanup failed");
  }, 60_000);

  const step = createSteps({
    collect: async (stepName) => {
      const screenshot = failureScreenshotPath(stepName);
      await page?.screenshot({ path: screenshot, fullPage: true }).catch(() => undefined);
      return {
        page: `${page?.url()}; screenshot ${screenshot}`,
        "what the page threw or logged": browser?.problems.join("\n") ?? "",
        "the server's output (last 6000 characters)": server?.output().slice(-6_000) ?? "",
      };
    },
  });

  async function apiJson<Answer>(method: string, path: string, json?: unknown): Promise<Answer> {
    const response = await server.api(method, path, json);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as Answer;
  }

  function row(workItem: string, state: string) {
    return page.locator(`[data-testid="${testIds.lineItem(workItem)}"][data-state="${state}"]`);
  }

  step(
    "signs in with the link `serve` printed and shows the line's stations, live",
    60_000,
    async () => {
      await page.goto(server.signInLink);
      for (const station of ["intake", "build", "scenarios", "trials", "gate", "deploy"]) {
        await page.getByTestId(testIds.station(station)).waitFor();
      }
      await page.getByTestId(testIds.station("exception")).waitFor();
      await page.getByTestId(testIds.station("finished")).waitFor();
      await page
        .locator(`[data-testid="${testIds.liveIndicator}"][data-connected="true"]`)
        .waitFor();
      // The dashboard keeps the token and forgets the link, so it is not left in the address bar.
      expect(page.url()).not.toContain("token=");
    },
  );

  step(
    "shows submitted specs appearing and moving across the stations as the line works them, without a reload",
    2 * lineWorkMs,
    async () => {
      await recordLineItemStates(page);
      const form = page.getByTestId(testIds.submitForm);
      await form.getByLabel("File name").fill("inventory-api.md");
      await form.getByLabel("Spec (Markdown)").fill(factory.inventorySpec);
      // The requirements lint first, as a careful manager would: the example spec is clear.
      await form.getByRole("button", { name: "Check the spec" }).click();
      await form.getByText(/score 100\b/).waitFor();
      items.live = await submitThroughForm(page);
      await form.getByLabel("File name").fill("inventory-api.md");
      await form.getByLabel("Spec (Markdown)").fill(factory.inventorySpec);
      await form.getByLabel("Profile").selectOption(oneShotProfile);
      items.held = await submitThroughForm(page, items.live);

      await row(items.live, "live").waitFor({ timeout: lineWorkMs });
      await row(items.held, "exception").waitFor({ timeout: lineWorkMs });
      const shown = await seenStates(page, items.live);
      expect(new Set(shown).size, `states shown: ${shown.join(" → ")}`).toBeGreaterThanOrEqual(3);
      expect(shown.some((state) => ["build", "scenarios", "trials", "gate"].includes(state))).toBe(
        true,
      );
      expect(shown.at(-1)).toBe("live");
      expect(await wasReloaded(page)).toBe(false);
      await browser.screenshot("line");
    },
  );

  step(
    "opens the item: the gate report with each category's interval, and the latency histogram",
    60_000,
    async () => {
      await page.getByTestId(testIds.lineItem(items.live)).getByRole("link").first().click();
      await page.waitForURL(`**/items/${items.live}`);
      await page.locator(`[data-testid="${testIds.itemSummary}"][data-state="live"]`).waitFor();

      // The first build carried the injected fault (labelled as such): the gate sent it back.
      const faulty = page.getByTestId(testIds.build(`${items.live}.1.1`));
      expect(await faulty.textContent()).toContain("injected fault");
      await faulty.getByRole("button", { name: `${items.live}.1.1` }).click();
      await page
        .locator(`[data-testid="${testIds.gateReport}"][data-decision="regenerate"]`)
        .waitFor();
      // The second was approved: every category passed, each with its interval.
      const approved = page.getByTestId(testIds.build(`${items.live}.2.1`));
      await approved.getByRole("button", { name: `${items.live}.2.1` }).click();
      const report = page.locator(`[data-testid="${testIds.gateReport}"][data-decision="approve"]`);
      await report.waitFor();
      for (const category of ["normal", "edge", "malicious"]) {
        const line = report.getByTestId(testIds.category(category));
        expect(await line.getAttribute("data-status")).toBe("pass");
        const percentages = ((await line.textContent()) ?? "").match(/\d+(\.\d+)?\s?%/g) ?? [];
        expect(
          percentages.length,
          `the ${category} line shows its interval`,
        ).toBeGreaterThanOrEqual(2);
      }
      const histogram = page.getByTestId(testIds.latencyHistogram);
      await histogram.locator("canvas, svg").first().waitFor();
      await browser.screenshot("work-item");
    },
  );

  step(
    "decides the exception the injected fault caused and shows the decision recorded",
    lineWorkMs,
    async () => {
      await page.getByRole("link", { name: "Exceptions", exact: true }).click();
      const { exceptions } = await apiJson<{
        exceptions: { id: string; workItem: string; reason: string }[];
      }>("GET", "/api/exceptions");
      const exception = exceptions.find((candidate) => candidate.workItem === items.held);
      expect(exception?.reason).toBe("retries-spent");
      const id = exception?.id ?? "";
      const card = page.getByTestId(testIds.exception(id));
      await page.locator(`[data-testid="${testIds.exception(id)}"][data-state="open"]`).waitFor();

      const reason = "The fault was injected on purpose; build it once more without it.";
      await card.getByTestId(testIds.decisionReason).fill(reason);
      await browser.screenshot("exceptions");
      await card.getByTestId(testIds.decide("retry")).click();

      await page
        .locator(`[data-testid="${testIds.exception(id)}"][data-state="decided"]`)
        .waitFor();
      const recorded = (await card.getByTestId(testIds.decisionRecorded).textContent()) ?? "";
      expect(recorded).toContain(reason);
      expect(recorded).toContain("manager");
      expect(recorded).toMatch(/retry/i);

      const decided = await apiJson<{ exceptions: { id: string; state: string }[] }>(
        "GET",
        "/api/exceptions?state=decided",
      );
      expect(decided.exceptions).toContainEqual(expect.objectContaining({ id, state: "decided" }));
      const history = await apiJson<{ decisions: unknown[] }>("GET", `/api/items/${items.held}`);
      expect(history.decisions).toEqual([
        expect.objectContaining({ exception: id, action: "retry", by: "manager", reason }),
      ]);
    },
  );

  step(
    "shows the releases: the retried item live, a monitor cycle, and a rollback recorded as an incident",
    3 * lineWorkMs,
    async () => {
      await page.getByRole("link", { name: "Releases", exact: true }).click();
      await page.waitForURL("**/releases");
      // The retried build goes live beside the first item's release, which is kept warm.
      await page
        .locator('[data-testid="release-inventory-api-r2"][data-state="live"]')
        .waitFor({ timeout: lineWorkMs });
      await page
        .locator('[data-testid="release-inventory-api-r1"][data-state="standby"]')
        .waitFor();

      await page.getByTestId("run-monitor-cycle").click();
      await page
        .locator('[data-testid="monitor-release-inventory-api-r2"]:not([data-verdict="unprobed"])')
        .waitFor({ timeout: lineWorkMs });

      const reason = "Checkout errors reported after the retry went live.";
      // As a person does it: the live release's Rollback button, the reason, the confirmation.
      const live = page.getByTestId("release-inventory-api-r2");
      await live.getByRole("button", { name: "Rollback" }).click();
      await page.getByLabel(/Why roll inventory-api-r2 back/).fill(reason);
      await page.getByRole("button", { name: "Roll inventory-api-r2 back" }).click();
      await page.locator('[data-testid="release-inventory-api-r1"][data-state="live"]').waitFor();
      const incident = page.locator('[data-testid^="incident-"][data-by="manager"]');
      await incident.waitFor();
      expect(await incident.textContent()).toContain(reason);
      const { incidents } = await apiJson<{ incidents: Record<string, unknown>[] }>(
        "GET",
        "/api/incidents",
      );
      expect(incidents).toEqual([
        expect.objectContaining({
          release: "inventory-api-r2",
          rolledBackTo: "inventory-api-r1",
          by: "manager",
        }),
      ]);
      // The release that has the traffic again is watched from the next cycle on.
      await page.getByTestId("run-monitor-cycle").click();
      await page
        .locator('[data-testid="monitor-release-inventory-api-r1"]:not([data-verdict="unprobed"])')
        .waitFor({ timeout: lineWorkMs });
      await browser.screenshot("releases");
    },
  );

  step(
    "shows today's money: the burn per category against the budget, the forecast, the cost per approved change",
    30_000,
    async () => {
      await page.getByRole("link", { name: "Money", exact: true }).click();
      await page.waitForURL("**/money");
      for (const category of ["inference", "testing", "ci", "monitoring"]) {
        await page.getByTestId(`budget-category-${category}`).waitFor();
      }
      await page.getByTestId("budget-total").waitFor();
      await page.getByTestId("forecast").waitFor();
      // Both items were approved in the end: the first after a regeneration, the second after the retry.
      await page.getByTestId("cost-per-change").getByText("for 2 approved").waitFor();
      await page.getByTestId("spend-by-station").waitFor();
      await browser.screenshot("money");
    },
  );

  step(
    "shows the profiles, and the planner says how many trials a threshold costs as it is typed",
    30_000,
    async () => {
      await page.getByRole("link", { name: "Profiles & budget", exact: true }).click();
      await page.waitForURL("**/settings");
      const planned = page.locator('[data-testid="planner"][data-stale="false"]');
      await planned.waitFor();
      // The default profile, admin: 95% of normal and 90% of edge cases at 95% confidence need 59 and
      // 29 flawless trials.
      expect(await page.getByTestId("plan-normal-needed").textContent()).toBe("59");
      expect(await page.getByTestId("plan-edge-needed").textContent()).toBe("29");
      // 99% instead of 95% costs 299 (0.99^299 < 5% ≤ 0.99^298), planned as it is typed.
      await page.getByLabel("normal threshold").fill("99");
      await page.getByTestId("plan-normal-needed").getByText("299", { exact: true }).waitFor();
      await planned.waitFor();
      await browser.screenshot("settings");
    },
  );

  step("ran without an error in the page", 5_000, async () => {
    expect(browser.problems).toEqual([]);
  });
});
