/**
 * Test support: Debian's chromium driven by playwright-core, with a fresh profile and a fixed viewport so
 * the screenshots in docs/screenshots/ look the same from run to run. It records what the page threw or
 * logged as an error, so a test can say the dashboard ran cleanly. Full-page screenshots go to the folder
 * `SHOPFLOOR_SCREENSHOTS` names (`npm run screenshots` sets docs/screenshots, the README's pictures), else
 * to a folder under the system's temporary one, so a plain `npm test` leaves the repository as it was.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { repositoryRoot } from "../../line/support-integration/shopfloor-process.js";
import { chromiumPath } from "./describe-with-chromium.js";

export const screenshotFolder = resolve(
  repositoryRoot,
  process.env.SHOPFLOOR_SCREENSHOTS ?? join(tmpdir(), "shopfloor-dashboard-screenshots"),
);

export const dashboardViewport = { width: 1280, height: 860 };

export interface DashboardBrowser {
  page: Page;
  /** Uncaught errors, `console.error` lines and failed requests of the page, in order. */
  problems: string[];
  /** A full-page screenshot to NAME.png in the screenshot folder. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDashboardBrowser(): Promise<DashboardBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: dashboardViewport,
      deviceScaleFactor: 1,
      colorScheme: "light",
      locale: "en-GB",
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const { url } = message.location();
      problems.push(`console.error: ${message.text()}${url === "" ? "" : ` (${url})`}`);
    });
    // The console line of a failed request does not say which one: the response does.
    page.on("response", (response) => {
      if (response.status() >= 400) {
        problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      }
    });
    return {
      page,
      problems,
      screenshot: async (name) => {
        mkdirSync(screenshotFolder, { recursive: true });
        await page.screenshot({
          path: join(screenshotFolder, `${name}.png`),
          fullPage: true,
          animations: "disabled",
        });
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
