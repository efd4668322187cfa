/**
 * Test support: what the line page showed each work item as, recorded in the page itself. A
 * MutationObserver notes every `data-state` a `line-item-<id>` row takes as the page redraws on the
 * event stream, so the test can say an item was seen in several states without a reload (a reload would
 * lose the record, and `wasReloaded` says so).
 */
import type { Page } from "playwright-core";

const recordName = "__shopfloorSeenStates";

// Plain JavaScript for the page: the test's TypeScript has no DOM types, and a function handed to
// `page.evaluate` would be serialised after the test runner's transform, helpers and all.
const recorderScript = `(() => {
  const seen = {};
  const prefix = "line-item-";
  const scan = () => {
    for (const row of document.querySelectorAll('[data-testid^="' + prefix + '"]')) {
      const id = row.dataset.testid.slice(prefix.length);
      const states = seen[id] ?? (seen[id] = []);
      if (states.at(-1) !== row.dataset.state) states.push(row.dataset.state);
    }
  };
  scan();
  new MutationObserver(scan).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-state"],
  });
  window.${recordName} = seen;
})()`;

/** Starts recording on the page as it is now; call it once the page has loaded. */
export async function recordLineItemStates(page: Page): Promise<void> {
  await page.evaluate(recorderScript);
}

/** The states the item's row showed, in order (a state shown again after another counts again). */
export async function seenStates(page: Page, workItem: string): Promise<string[]> {
  const states = await page.evaluate(
    `(window.${recordName}?.[${JSON.stringify(workItem)}] ?? []).slice()`,
  );
  return states as string[];
}

/** True when the page was loaded again since the recording started (the record is gone). */
export async function wasReloaded(page: Page): Promise<boolean> {
  return (await page.evaluate(`window.${recordName} === undefined`)) as boolean;
}
