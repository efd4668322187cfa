/**
 * The edits the console makes to a config file's text, done the way a person would: a YAML file keeps
 * its comments, its order and its style (through the `yaml` package's Document API); a JSON file stays
 * JSON. The result is only text: whether it is a valid config is checked by the caller.
 */
import { type Document, isMap, parseDocument } from "yaml";
import type { ProfileDefinition } from "../../contracts/config.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { LineUp } from "../../contracts/work-item.js";

export type ConfigEdit =
  | { kind: "save-profile"; name: string; definition: ProfileDefinition }
  | { kind: "delete-profile"; name: string }
  | { kind: "set-default-profile"; name: string }
  /** `lineUp: null` removes it: the default agent builds alone. */
  | { kind: "set-line-up"; lineUp: LineUp | null };

export type ConfigFormat = "yaml" | "json";

export function configFormatOf(path: string): ConfigFormat {
  return path.toLowerCase().endsWith(".json") ? "json" : "yaml";
}

/** The text with the edit made; `source` names the file in errors. */
export function editConfigText(
  text: string,
  format: ConfigFormat,
  edit: ConfigEdit,
  source: string,
): string {
  return format === "json" ? editJson(text, edit, source) : editYaml(text, edit, source);
}

function editYaml(text: string, edit: ConfigEdit, source: string): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw unreadable(source, document.errors[0]?.message);
  try {
    applyToYaml(document, edit);
  } catch (error) {
    // A value the edit cannot go into, such as `profiles: 3` written by hand since the server started.
    throw unreadable(source, (error as Error).message);
  }
  // lineWidth 0: never fold a long description onto several lines.
  return document.toString({ lineWidth: 0 });
}

function applyToYaml(document: Document, edit: ConfigEdit): void {
  switch (edit.kind) {
    case "save-profile": {
      // `profiles: {}` (what `shopfloor init` writes) becomes a block map once it has a profile.
      const profiles = document.get("profiles", true);
      if (isMap(profiles) && profiles.items.length === 0) profiles.flow = false;
      document.setIn(["profiles", edit.name], edit.definition);
      break;
    }
    case "delete-profile": {
      document.deleteIn(["profiles", edit.name]);
      const profiles = document.get("profiles", true);
      if (isMap(profiles) && profiles.items.length === 0) profiles.flow = true;
      break;
    }
    case "set-default-profile":
      document.set("defaultProfile", edit.name);
      break;
    case "set-line-up":
      setYamlLineUp(document, edit.lineUp);
      break;
  }
}

/** `line.lineUp` set or removed; a `line:` left empty by the removal goes too (the defaults apply). */
function setYamlLineUp(document: Document, lineUp: LineUp | null): void {
  if (lineUp !== null) {
    const line = document.get("line", true);
    if (isMap(line) && line.items.length === 0) line.flow = false;
    document.setIn(["line", "lineUp"], lineUp);
    return;
  }
  if (!document.hasIn(["line", "lineUp"])) return;
  document.deleteIn(["line", "lineUp"]);
  const line = document.get("line", true);
  if (isMap(line) && line.items.length === 0) document.delete("line");
}

function editJson(text: string, edit: ConfigEdit, source: string): string {
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch (error) {
    throw unreadable(source, (error as Error).message);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw unreadable(source, "the config must be a JSON object");
  }
  const config = value as Record<string, unknown>;
  const profiles = { ...(config.profiles as Record<string, unknown> | undefined) };
  switch (edit.kind) {
    case "save-profile":
      config.profiles = { ...profiles, [edit.name]: edit.definition };
      break;
    case "delete-profile":
      delete profiles[edit.name];
      config.profiles = profiles;
      break;
    case "set-default-profile":
      config.defaultProfile = edit.name;
      break;
    case "set-line-up":
      setJsonLineUp(config, edit.lineUp, source);
      break;
  }
  return `${JSON.stringify(config, null, 2)}\n`;
}

function setJsonLineUp(
  config: Record<string, unknown>,
  lineUp: LineUp | null,
  source: string,
): void {
  const present = config.line;
  if (
    present !== undefined &&
    (typeof present !== "object" || present === null || Array.isArray(present))
  ) {
    throw unreadable(source, "`line` must be an object");
  }
  const { lineUp: _previous, ...line } = { ...(present as Record<string, unknown> | undefined) };
  if (lineUp !== null) config.line = { ...line, lineUp };
  else if (Object.keys(line).length > 0) config.line = line;
  else delete config.line;
}

function unreadable(source: string, reason: string | undefined): ShopfloorError {
  return new ShopfloorError(
    "invalid-config",
    `${source} cannot be read as a config (${reason ?? "unknown reason"}); fix it by hand, then try again`,
    { path: source },
  );
}
