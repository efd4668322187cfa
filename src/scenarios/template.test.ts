import { describe, expect, it } from "vitest";
import {
  escapeTemplate,
  findPlaceholders,
  renderTemplate,
  TemplateError,
  trialVariables,
  uniqueToken,
} from "./template.js";

const variables = {
  ...trialVariables({ scenarioId: "normal/create", attempt: 2, unique: "t2-a81f" }),
  created: { id: 17, title: "milk", tags: ["a"] },
  location: "/todos/17",
};

describe("renderTemplate", () => {
  it("replaces placeholders inside strings with the text of the value", () => {
    expect(renderTemplate("/todos/{{ created.id }}?a={{trial.attempt}}", variables)).toBe(
      "/todos/17?a=2",
    );
    expect(renderTemplate("title {{ trial.unique }}", variables)).toBe("title t2-a81f");
    expect(renderTemplate("tags: {{ created.tags }}", variables)).toBe('tags: ["a"]');
  });

  it("keeps the raw value when the string is exactly one placeholder", () => {
    expect(renderTemplate("{{ created.id }}", variables)).toBe(17);
    expect(renderTemplate("{{created}}", variables)).toEqual(variables.created);
  });

  it("renders deep inside objects and arrays, leaving other values alone", () => {
    const request = {
      path: "{{ location }}",
      json: { id: "{{ created.id }}", done: false, list: ["{{ scenario.id }}", 3] },
    };
    expect(renderTemplate(request, variables)).toEqual({
      path: "/todos/17",
      json: { id: 17, done: false, list: ["normal/create", 3] },
    });
  });

  it("sends \\{{ as a literal {{, for template-injection probes", () => {
    expect(renderTemplate("\\{{7*7}}", variables)).toBe("{{7*7}}");
    expect(renderTemplate("name=\\{{ created.id }}", variables)).toBe("name={{ created.id }}");
  });

  it("names the placeholder and the variables that exist when one is missing", () => {
    expect(() => renderTemplate("/todos/{{ creatd.id }}", variables)).toThrow(
      'template "{{ creatd.id }}": no variable "creatd"; the variables are scenario, trial, created, location',
    );
    expect(() => renderTemplate("{{ created.idd }}", variables)).toThrow(
      'template "{{ created.idd }}": "created" has no "idd" (its keys: id, title, tags)',
    );
    expect(() => renderTemplate("{{ 7*7 }}", variables)).toThrow(TemplateError);
    expect(() => renderTemplate("{{}}", variables)).toThrow(/empty/);
  });

  it("does not let a placeholder reach into prototypes", () => {
    expect(() => renderTemplate("{{ created.constructor }}", variables)).toThrow(TemplateError);
    expect(() => renderTemplate("{{ created.toString }}", variables)).toThrow(TemplateError);
  });
});

describe("findPlaceholders", () => {
  it("lists every placeholder with where it is, skipping escaped ones", () => {
    const step = { path: "/a/{{ created.id }}/{{x}}", args: ["\\{{ no }}", "{{ trial.unique }}"] };
    expect(findPlaceholders(step)).toEqual([
      { at: ["path"], placeholder: "{{ created.id }}", path: "created.id" },
      { at: ["path"], placeholder: "{{x}}", path: "x" },
      { at: ["args", 1], placeholder: "{{ trial.unique }}", path: "trial.unique" },
    ]);
  });
});

describe("escapeTemplate", () => {
  it.each(["{{7*7}}", "\\{{ literal }}", "a {{ b }} c {{"])(
    "makes %j reach the target exactly as written",
    (text) => {
      expect(renderTemplate(escapeTemplate(text), {})).toBe(text);
    },
  );
});

describe("trial.token", () => {
  it("is ten letters and digits, the same for the same trial and different for another", () => {
    const token = uniqueToken("run-a-scenario-1");
    expect(token).toMatch(/^[a-z0-9]{10}$/);
    expect(uniqueToken("run-a-scenario-1")).toBe(token);
    expect(uniqueToken("run-a-scenario-2")).not.toBe(token);
    const variables = trialVariables({ scenarioId: "s", attempt: 1, unique: "run-a-scenario-1" });
    expect(renderTemplate("user-{{ trial.token }}", variables)).toBe(`user-${token}`);
  });
});
