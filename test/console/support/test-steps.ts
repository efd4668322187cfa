/**
 * Test support: one end-to-end flow written as ordered steps. Each step is its own test, so a report
 * says which part of the flow broke; once one fails, the later ones fail at once, naming it, rather
 * than running on a page left in the wrong state (they depend on it). A failing step prints what helps to see why: the server's output,
 * what the page threw, and a screenshot of the page as it was.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "vitest";

export interface StepDiagnostics {
  /** What to print when a step fails; each part is shown under its name. */
  collect(stepName: string): Promise<Record<string, string>>;
}

export function createSteps(diagnostics: StepDiagnostics) {
  let failedStep: string | undefined;
  return function step(name: string, timeoutMs: number, body: () => Promise<void>): void {
    it(
      name,
      async () => {
        if (failedStep !== undefined) {
          throw new Error(`not run: it needs the earlier step "${failedStep}", which failed`);
        }
        try {
          await body();
        } catch (error) {
          failedStep = name;
          const parts = await diagnostics.collect(name).catch((problem: unknown) => ({
            diagnostics: `could not be collected: ${String(problem)}`,
          }));
          const text = Object.entries(parts)
            .map(([title, content]) => `── ${title}\n${content.trim() || "(nothing)"}`)
            .join("\n");
          console.error(`step "${name}" failed; what it saw:\n${text}`);
          throw error;
        }
      },
      timeoutMs,
    );
  };
}

/** Where a failing step's screenshot goes: the temp folder, never the docs. */
export function failureScreenshotPath(stepName: string): string {
  const slug = stepName.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
  return join(tmpdir(), `shopfloor-dashboard-failure-${slug}.png`);
}
