/**
 * The text that `matches`, `contains` and `notContains` read: the body of a response, the stdout of a
 * command, the return value of a function (a string as itself, anything else as JSON). The stdout and
 * stderr assertions of a command name their stream.
 */
import type { Observation } from "../../contracts/observation.js";

export type TextSubject = { ok: true; name: string; text: string } | { ok: false; reason: string };

export function textSubject(observation: Observation): TextSubject {
  switch (observation.kind) {
    case "http":
      return { ok: true, name: "the body", text: observation.bodyText };
    case "cli":
      return { ok: true, name: "stdout", text: observation.stdout };
    case "function": {
      if (observation.threw !== undefined) {
        const { name, message } = observation.threw;
        return {
          ok: false,
          reason: `expected a return value, but the call threw ${name}: ${message}`,
        };
      }
      const { returned } = observation;
      // A string is matched as itself: `^Hello` should match "Hello", not the JSON text "\"Hello\"".
      const text = typeof returned === "string" ? returned : (JSON.stringify(returned) ?? "");
      return { ok: true, name: "the return value", text };
    }
  }
}
