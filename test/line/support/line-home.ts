/**
 * Test support for the line's integration tests: a factory home in a temporary folder, opened with the
 * real stores, queue, ledger, scaffold agent and trial executor (without a sandbox), and the example
 * specs of the repository.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Config } from "../../../src/contracts/config.js";
import type { LineEvent } from "../../../src/contracts/line-event.js";
import {
  type FactoryLine,
  type FactoryLineOptions,
  openFactoryLine,
} from "../../../src/line/factory-line.js";
import { NoSandbox } from "../../../src/runners/sandbox/no-sandbox.js";

export const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const todoSpec = join(repositoryRoot, "examples/todo-api/spec.md");
export const inventorySpec = join(repositoryRoot, "examples/inventory-api/spec.md");
export const vagueSpec = join(repositoryRoot, "test/fixtures/requirements-corpus/vague-shop.md");

export interface LineHome {
  home: string;
  line: FactoryLine;
  events: LineEvent[];
  /** Opens the same home again (a restarted orchestrator). */
  reopen(overrides?: Partial<FactoryLineOptions>): Promise<FactoryLine>;
  remove(): Promise<void>;
}

/**
 * A line on a new home with the scaffold agent and no sandbox; `config` is parsed with defaults, except
 * that deploys are off unless the config turns them on (the deploy tests give an in-process host).
 */
export async function openLineHome(
  config: Record<string, unknown> = {},
  overrides: Partial<FactoryLineOptions> = {},
): Promise<LineHome> {
  const home = mkdtempSync(join(tmpdir(), "shopfloor-line-"));
  const events: LineEvent[] = [];
  const opened: FactoryLine[] = [];
  const open = async (more: Partial<FactoryLineOptions> = {}) => {
    const line = await openFactoryLine({
      home,
      config: Config.parse({ deploy: { enabled: false }, ...config }),
      environment: process.env,
      projectFolder: repositoryRoot,
      sandbox: new NoSandbox(),
      onEvent: (event) => events.push(event),
      ...overrides,
      ...more,
    });
    opened.push(line);
    return line;
  };
  const line = await open();
  return {
    home,
    line,
    events,
    reopen: open,
    remove: async () => {
      for (const each of opened) await each.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The line-up of the scaffold agent alone, optionally with fault injection. */
export function scaffoldLineUp(faults?: {
  probability: number;
  seed: number;
  attempts?: number[];
  kinds?: string[];
}) {
  return {
    pattern: "single" as const,
    agent: { agent: "scaffold", ...(faults === undefined ? {} : { faults }) },
  };
}
