import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import { type LlmToolContext, llmTools } from "./llm-tools.js";

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "shopfloor-llm-tools-")));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function toolsFor(changes: Partial<LlmToolContext> = {}) {
  const finished: string[] = [];
  const tools = llmTools({
    root,
    sandbox: new NoSandbox(),
    signal: new AbortController().signal,
    onFinished: (summary) => finished.push(summary),
    ...changes,
  });
  return { tools, finished };
}

const options = { toolCallId: "call-1", messages: [] };

/** Calls a tool as the AI SDK does; answers its result or the message of its error. */
async function call(
  tool: { execute?: (input: never, options: never) => unknown },
  input: unknown,
): Promise<string> {
  if (tool.execute === undefined) throw new Error("the tool has no execute");
  try {
    return String(await tool.execute(input as never, options as never));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe("llmTools", () => {
  it("offers the seven tools, each with a description", () => {
    const { tools } = toolsFor();
    expect(Object.keys(tools).sort()).toEqual([
      "edit_file",
      "finish",
      "list_files",
      "read_file",
      "run_command",
      "search",
      "write_file",
    ]);
    for (const tool of Object.values(tools)) expect(tool.description).toBeTruthy();
  });

  it("works on files inside the workspace and refuses paths outside it", async () => {
    const { tools } = toolsFor();
    expect(await call(tools.write_file, { path: "a.txt", content: "hello\n" })).toBe(
      "wrote 6 bytes to a.txt",
    );
    expect(await call(tools.edit_file, { path: "a.txt", search: "hello", replace: "hi" })).toBe(
      "replaced 1 occurrence in a.txt",
    );
    expect(await call(tools.read_file, { path: "a.txt" })).toBe("hi");
    expect(await call(tools.list_files, {})).toBe("a.txt");
    expect(await call(tools.search, { pattern: "h." })).toBe("a.txt:1: hi");
    expect(await call(tools.read_file, { path: "../../etc/passwd" })).toMatch(
      /^error: .* is outside the workspace/,
    );
  });

  it("runs a command in the workspace and shows how it ended", async () => {
    const { tools } = toolsFor();
    writeFileSync(join(root, "data.txt"), "42\n");
    expect(await call(tools.run_command, { argv: ["cat", "data.txt"] })).toBe(
      "$ cat data.txt\nexit code 0\n--- stdout ---\n42\n",
    );
  });

  it("finish ends the run only when the checks pass, and shows why they failed", async () => {
    const { tools, finished } = toolsFor({ checkCommand: ["sh", "-c", "grep -q done state.txt"] });
    writeFileSync(join(root, "state.txt"), "working\n");
    const failing = await call(tools.finish, { summary: "built it" });
    expect(failing).toMatch(/^The checks failed; the run goes on/);
    expect(failing).toContain("exit code 1");
    expect(finished).toEqual([]);

    writeFileSync(join(root, "state.txt"), "done\n");
    expect(await call(tools.finish, { summary: "built it" })).toMatch(/^The checks passed/);
    expect(finished).toEqual(["built it"]);
  });

  it("finish without checks ends the run at once", async () => {
    const { tools, finished } = toolsFor();
    expect(await call(tools.finish, { summary: "done" })).toBe("The run is over.");
    expect(finished).toEqual(["done"]);
  });

  it("runs the calls of one step one after the other, in order", async () => {
    const { tools, finished } = toolsFor({
      checkCommand: ["sh", "-c", "test $(wc -c < late.txt) -eq 1000000"],
    });
    const started = [
      call(tools.write_file, { path: "late.txt", content: "x".repeat(1_000_000) }),
      call(tools.finish, { summary: "wrote it" }),
      call(tools.read_file, { path: "late.txt", limit: 1 }),
    ];
    const [written, finish, read] = await Promise.all(started);
    expect(written).toBe("wrote 1000000 bytes to late.txt");
    expect(finish).toMatch(/^The checks passed/);
    expect(read?.length).toBeGreaterThan(99_000);
    expect(finished).toEqual(["wrote it"]);
    expect(readFileSync(join(root, "late.txt"), "utf8")).toHaveLength(1_000_000);
  });
});
