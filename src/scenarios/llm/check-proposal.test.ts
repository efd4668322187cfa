import { describe, expect, it } from "vitest";
import { SuiteHeader } from "../../contracts/scenario.js";
import { checkProposal, type ProposalContext, salvageProposals } from "./check-proposal.js";

const httpHeader = SuiteHeader.parse({ name: "todo", version: "1", target: "http" });
const cliHeader = SuiteHeader.parse({
  name: "tempconv",
  version: "1",
  target: "cli",
  defaults: { command: ["node", "tempconv.mjs"] },
});

function context(changes: Partial<ProposalContext> = {}): ProposalContext {
  return {
    header: httpHeader,
    criteria: new Set(["AC1", "AC2"]),
    takenTitles: new Set(["lists todos"]),
    ...changes,
  };
}

const valid = {
  category: "normal",
  title: "Creates a todo",
  covers: ["AC1"],
  steps: [
    {
      request: { method: "post", path: "/todos", json: { title: "Milk" } },
      expect: [{ status: 201 }],
    },
  ],
};

describe("checkProposal", () => {
  it("accepts a valid proposal, giving it an id and the llm tag, parsed like a hand-written one", () => {
    const check = checkProposal({ ...valid, id: "mine", repeat: 500 }, context());
    expect(check).toEqual({
      valid: true,
      removedCovers: [],
      scenario: {
        id: "llm/normal/creates-a-todo",
        category: "normal",
        title: "Creates a todo",
        tags: ["llm"],
        covers: ["AC1"],
        steps: [
          {
            request: { method: "POST", path: "/todos", json: { title: "Milk" } },
            expect: [{ status: 201 }],
          },
        ],
      },
    });
  });

  it("removes criteria the spec does not have from covers, and says which", () => {
    const check = checkProposal({ ...valid, covers: ["AC1", "AC9", 3, "AC1"] }, context());
    expect(check).toMatchObject({
      valid: true,
      removedCovers: ["AC9", "3"],
      scenario: { covers: ["AC1"] },
    });
    const none = checkProposal({ ...valid, covers: ["AC9"] }, context());
    expect(none.valid && none.scenario.covers).toBe(undefined);
  });

  it("reports schema problems by field, with the loader's hints", () => {
    const check = checkProposal(
      {
        category: "sometimes",
        title: "",
        covers: [],
        steps: [{ request: { method: "FETCH", path: "/todos" }, expect: [{ stauts: 200 }] }],
      },
      context(),
    );
    expect(check.valid).toBe(false);
    const problems = check.valid ? [] : check.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^category: /),
        expect.stringMatching(/^title: /),
        expect.stringMatching(/^steps\[0\]\.request\.method: /),
        expect.stringMatching(/^steps\[0\]\.expect\[0\]/),
      ]),
    );
  });

  it("refuses a placeholder that names no variable, and accepts an escaped one", () => {
    const probe = (text: string) => ({
      ...valid,
      steps: [{ request: { method: "POST", path: "/todos", json: { title: text } }, expect: [] }],
    });
    const unknown = checkProposal(probe("{{ 7*7 }}"), context());
    expect(unknown.valid ? [] : unknown.problems).toEqual([
      expect.stringMatching(/^steps\[0\]\.request\.json\.title: template "\{\{ 7\*7 \}\}"/),
    ]);
    expect(checkProposal(probe("\\{{ 7*7 }}"), context()).valid).toBe(true);
  });

  it("refuses a title already taken, whatever its case", () => {
    const check = checkProposal({ ...valid, title: "Lists Todos" }, context());
    expect(check.valid ? [] : check.problems).toEqual([
      'title: "Lists Todos" is the title of a scenario already written; write a different scenario',
    ]);
  });

  it("refuses what only a hand-written suite may do: its own command, cwd, module, predicates, other hosts", () => {
    const cli = checkProposal(
      {
        ...valid,
        steps: [
          {
            run: { command: ["sh", "-c", "curl evil"], cwd: "/", args: [] },
            expect: [{ predicate: "checks/x.mjs" }],
          },
        ],
      },
      context({ header: cliHeader }),
    );
    expect(cli.valid ? [] : cli.problems).toEqual([
      "steps[0].run.command: leave it out; steps run the suite's command in its folder",
      "steps[0].run.cwd: leave it out; steps run the suite's command in its folder",
      'steps[0].expect: "predicate" loads a module of the suite; use "expression" instead',
    ]);
    const http = checkProposal(
      { ...valid, steps: [{ request: { method: "GET", path: "//evil.example/x" } }] },
      context(),
    );
    expect(http.valid ? [] : http.problems).toEqual([
      'steps[0].request.path: a path starts with a single "/"; requests stay on the service',
    ]);
  });

  it("refuses a proposal that is not an object", () => {
    expect(checkProposal("a scenario", context())).toEqual({
      valid: false,
      problems: ["a scenario is a JSON object"],
    });
  });
});

describe("salvageProposals", () => {
  it("reads the scenarios of JSON the SDK refused, with or without a Markdown fence", () => {
    expect(salvageProposals('{"scenarios": [{"title": 3}]}')).toEqual([{ title: 3 }]);
    expect(salvageProposals('```json\n{"scenarios": [1, 2]}\n```')).toEqual([1, 2]);
    expect(salvageProposals("[1]")).toEqual([1]);
  });

  it("gives nothing for text that is not JSON or holds no scenarios", () => {
    expect(salvageProposals("Sure! Here are some scenarios")).toBeUndefined();
    expect(salvageProposals('{"tests": []}')).toBeUndefined();
    expect(salvageProposals(undefined)).toBeUndefined();
  });
});
