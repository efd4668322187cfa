/**
 * A command line as the cli conventions write it (docs/spec-conventions.md#cli): the subcommand, options
 * as `--name value` or `--name=value` (booleans as `--name`), then the positional arguments, after `--`
 * when one of them starts with `-`. Values are already text here; `argvText` makes that text.
 */

export interface OptionPart {
  name: string;
  /** The value's text; none for a flag. */
  text?: string;
  /** `--name value` (the default) or `--name=value`. */
  form?: "separate" | "equals";
}

export interface CommandLine {
  /** The subcommand, when the model has commands. */
  command?: string;
  options: OptionPart[];
  arguments: string[];
}

export function buildArgv(line: CommandLine): string[] {
  const argv = line.command === undefined ? [] : [line.command];
  for (const option of line.options) argv.push(...optionWords(option));
  // A positional that starts with '-' would be read as an option without the `--` before it.
  if (line.arguments.some((argument) => argument.startsWith("-"))) argv.push("--");
  argv.push(...line.arguments);
  return argv;
}

function optionWords(option: OptionPart): string[] {
  if (option.text === undefined) return [`--${option.name}`];
  // `--precision -1` is ambiguous to most parsers (is -1 an option?); `--precision=-1` is not.
  if (option.form === "equals" || option.text.startsWith("-")) {
    return [`--${option.name}=${option.text}`];
  }
  return [`--${option.name}`, option.text];
}

/** The line with `option` in place of any option of the same name (added at the end otherwise). */
export function withOption(line: CommandLine, option: OptionPart): CommandLine {
  const index = line.options.findIndex((existing) => existing.name === option.name);
  const options = [...line.options];
  if (index === -1) options.push(option);
  else options[index] = option;
  return { ...line, options };
}

export function withoutOption(line: CommandLine, name: string): CommandLine {
  return { ...line, options: line.options.filter((option) => option.name !== name) };
}

/** The line with positional `index` set to `text`, or cut before `index` when `text` is undefined. */
export function withArgument(
  line: CommandLine,
  index: number,
  text: string | undefined,
): CommandLine {
  if (text === undefined) return { ...line, arguments: line.arguments.slice(0, index) };
  const positional = [...line.arguments];
  positional[index] = text;
  return { ...line, arguments: positional };
}

/**
 * A value as a command-line word: strings as they are, numbers as JSON numbers, booleans as `true` or
 * `false`, `null` as `null`. Undefined when the value cannot be one word: objects, arrays, and text with
 * a NUL character (argv cannot carry it).
 */
export function argvText(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return value.includes("\u0000") ? undefined : value;
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case "boolean":
      return String(value);
    default:
      return value === null ? "null" : undefined;
  }
}

/** The command line for a title: words quoted when needed, cut to a readable length. */
export function describeArgv(argv: readonly string[], limit = 70): string {
  const words = argv.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : quoteWord(word)));
  const text = words.join(" ");
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function quoteWord(word: string): string {
  return JSON.stringify(word.length > 40 ? `${word.slice(0, 39)}…` : word);
}
