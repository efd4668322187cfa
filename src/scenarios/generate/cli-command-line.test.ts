import { describe, expect, it } from "vitest";
import {
  argvText,
  buildArgv,
  type CommandLine,
  describeArgv,
  withArgument,
  withOption,
  withoutOption,
} from "./cli-command-line.js";

const line: CommandLine = {
  command: "convert",
  options: [{ name: "from", text: "celsius" }, { name: "verbose" }],
  arguments: ["100"],
};

describe("buildArgv", () => {
  it("writes the subcommand, options, flags, then the positionals", () => {
    expect(buildArgv(line)).toEqual(["convert", "--from", "celsius", "--verbose", "100"]);
  });

  it("writes --name=value when asked", () => {
    const equals = withOption(line, { name: "from", text: "kelvin", form: "equals" });
    expect(buildArgv(equals)).toEqual(["convert", "--from=kelvin", "--verbose", "100"]);
  });

  it("puts -- before the positionals when one starts with '-'", () => {
    expect(buildArgv({ options: [], arguments: ["-40", "x"] })).toEqual(["--", "-40", "x"]);
    expect(buildArgv({ options: [], arguments: ["40"] })).toEqual(["40"]);
  });

  it("writes an option value that starts with '-' as --name=value, never as a separate word", () => {
    const negative = withOption(line, { name: "precision", text: "-1" });
    expect(buildArgv(negative)).toContain("--precision=-1");
    expect(buildArgv(withOption(line, { name: "from", text: "--help" }))).toContain(
      "--from=--help",
    );
  });
});

describe("changing a line", () => {
  it("replaces an option in place, adds a new one at the end, removes one", () => {
    expect(withOption(line, { name: "from", text: "kelvin" }).options[0]).toEqual({
      name: "from",
      text: "kelvin",
    });
    expect(
      withOption(line, { name: "to", text: "x" }).options.map((option) => option.name),
    ).toEqual(["from", "verbose", "to"]);
    expect(withoutOption(line, "from").options).toEqual([{ name: "verbose" }]);
    expect(line.options).toHaveLength(2);
  });

  it("sets a positional, or cuts the positionals before it", () => {
    const two = { ...line, arguments: ["1", "2"] };
    expect(withArgument(two, 1, "x").arguments).toEqual(["1", "x"]);
    expect(withArgument(two, 0, undefined).arguments).toEqual([]);
    expect(two.arguments).toEqual(["1", "2"]);
  });
});

describe("argvText", () => {
  it("writes numbers as JSON numbers and scalars as words", () => {
    expect(argvText(-40)).toBe("-40");
    expect(argvText(0.1)).toBe("0.1");
    expect(argvText(1e308)).toBe("1e+308");
    expect(argvText(-0)).toBe("0");
    expect(argvText(Number.NaN)).toBe("NaN");
    expect(argvText(true)).toBe("true");
    expect(argvText(null)).toBe("null");
    expect(argvText("a b")).toBe("a b");
  });

  it("has no word for a NUL character, an object or an array", () => {
    expect(argvText("a\u0000b")).toBeUndefined();
    expect(argvText({})).toBeUndefined();
    expect(argvText(["a"])).toBeUndefined();
    expect(argvText(undefined)).toBeUndefined();
  });
});

describe("describeArgv", () => {
  it("quotes words a shell would split and cuts long lines", () => {
    expect(describeArgv(["--to", "kelvin", "a b", "x\ny"])).toBe('--to kelvin "a b" "x\\ny"');
    expect(describeArgv(["x".repeat(100)], 20)).toHaveLength(20);
  });
});
