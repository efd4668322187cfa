import { describe, expect, it } from "vitest";
import { sampleEvent, sampleItemId } from "../../../../test/support/line-cli/line-fixtures.js";
import type { CliIo } from "../../cli-io.js";
import { RunPrinter } from "./run-printer.js";

function recordingIo(isTTY: boolean) {
  const written = { stdout: "", stderr: "", progress: "" };
  const io: CliIo = {
    stdout: (text) => {
      written.stdout += text;
    },
    stderr: (text) => {
      written.stderr += text;
    },
    readText: async () => "",
    exists: async () => false,
    workingDirectory: "/",
    environment: {},
    progress: {
      isTTY,
      write: (text: string) => {
        written.progress += text;
        return true;
      },
    },
  };
  return { io, written };
}

const build = `${sampleItemId}.1.1`;
const events = () => [
  sampleEvent("build.start", { build, attempt: 1, candidate: 1, agent: "scaffold" }),
  sampleEvent("build.end", {
    build,
    status: "succeeded",
    commit: "9f3c2e1aa7b0c4d1e2f3a4b5c6d7e8f9a0b1c2d3",
    summary: "",
    costMicroUsd: 0,
    injectedFaults: 0,
  }),
  sampleEvent("trials.start", { build, round: 1, scenarios: 180 }),
  sampleEvent("trials.end", { build, round: 1, trials: 180, failed: 0, cpuSeconds: 3 }),
];

describe("RunPrinter", () => {
  it("prints one line per event, naming the agent that built", () => {
    const { io, written } = recordingIo(false);
    const printer = new RunPrinter(io, { json: false, timeZone: "UTC" });
    for (const event of events()) printer.print(event);
    printer.finish();
    const lines = written.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      "14:02:11 todo-api-3f9c2a         build     #1.1 scaffold built 9f3c2e1 ($0.00)",
    );
    expect(written.progress).toBe("");
  });

  it("draws the running trial sessions on a terminal and clears them before each line", () => {
    const { io, written } = recordingIo(true);
    const printer = new RunPrinter(io, { json: false, timeZone: "UTC" });
    const all = events();
    for (const event of all.slice(0, 3)) printer.print(event);
    expect(written.progress).toBe(
      "\r\u001b[2Ktrials running: todo-api-3f9c2a #1.1 round 1 (180 scenarios)",
    );
    for (const event of all.slice(3)) printer.print(event);
    printer.finish();
    expect(written.progress.endsWith("\r\u001b[2K")).toBe(true);
  });

  it("prints events as JSON Lines with --json, and notes on stderr", () => {
    const { io, written } = recordingIo(false);
    const printer = new RunPrinter(io, { json: true });
    for (const event of events()) printer.print(event);
    printer.note("spec changed");
    const parsed = written.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(parsed.map((event) => event.type)).toEqual([
      "build.start",
      "build.end",
      "trials.start",
      "trials.end",
    ]);
    expect(written.stderr).toBe("spec changed\n");
  });
});
