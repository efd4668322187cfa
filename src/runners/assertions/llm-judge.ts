/**
 * `llmJudge: "the reply apologises and names the missing field"` — a language model judges whether a
 * step's result satisfies a natural-language expectation. The step is described as plain text (the
 * request, the status, the body; the command line, exit code and output; the call and its result), cut to
 * lengths a model reads cheaply. Without a configured judge the assertion fails and says how to set one.
 */
import type { Observation } from "../../contracts/observation.js";
import type { ResponseJudge } from "./assertion-context.js";

export const noJudgeMessage =
  "llmJudge needs a model: set models.judge (or models.default) in shopfloor.config.yaml";

const bodyLimit = 8_192;
const requestBodyLimit = 2_048;
const streamLimit = 4_096;

export async function checkLlmJudge(
  expectation: string,
  observation: Observation,
  judge: ResponseJudge | undefined,
  signal?: AbortSignal,
): Promise<string | undefined> {
  if (judge === undefined) return noJudgeMessage;
  const verdict = await judge.judge(
    { expectation, observation: describeObservationForJudge(observation) },
    signal,
  );
  if (verdict.pass) return undefined;
  return `llmJudge: ${verdict.reason.trim() || "the judge found the expectation not met"}`;
}

/** The step as text a model reads; the origin of URLs is left out, as it changes from run to run. */
export function describeObservationForJudge(observation: Observation): string {
  switch (observation.kind) {
    case "http": {
      const { request } = observation;
      const lines = [`Request: ${request.method} ${pathOf(request.url)}`];
      if (request.bodyText !== "") {
        lines.push("Request body:", cut(request.bodyText, requestBodyLimit));
      }
      lines.push(`Response status: ${observation.status}`);
      const contentType = observation.headers["content-type"];
      if (contentType !== undefined) lines.push(`Content-Type: ${contentType}`);
      lines.push(
        "Response body:",
        observation.bodyText === "" ? "(empty)" : cut(observation.bodyText, bodyLimit),
      );
      return lines.join("\n");
    }
    case "cli": {
      const lines = [`Command: ${observation.argv.map(shellWord).join(" ")}`];
      if (observation.stdin !== "") lines.push("Stdin:", cut(observation.stdin, streamLimit));
      lines.push(
        observation.exitCode === null
          ? `Ended by signal: ${observation.signal ?? "unknown"}`
          : `Exit code: ${observation.exitCode}`,
      );
      lines.push(
        "Stdout:",
        streamText(observation.stdout),
        "Stderr:",
        streamText(observation.stderr),
      );
      return lines.join("\n");
    }
    case "function": {
      const call = `${observation.export}(${observation.args.map(json).join(", ")})`;
      const lines = [`Call: ${cut(call, requestBodyLimit)}`];
      if (observation.threw !== undefined) {
        lines.push(
          `Threw: ${observation.threw.name}: ${cut(observation.threw.message, streamLimit)}`,
        );
      } else {
        lines.push("Returned:", cut(json(observation.returned), bodyLimit));
      }
      return lines.join("\n");
    }
  }
}

/** Text cut to `limit` characters, saying how much was left out. */
export function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const kept = text.slice(0, limit).replace(/[\uD800-\uDBFF]$/, "");
  return `${kept}\n…(${text.length - kept.length} more characters not shown)`;
}

function streamText(text: string): string {
  return text === "" ? "(empty)" : cut(text, streamLimit);
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

function shellWord(word: string): string {
  return /^[\w./:=@%+-]+$/.test(word) ? word : JSON.stringify(word);
}

function json(value: unknown): string {
  if (value === undefined) return "undefined";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
