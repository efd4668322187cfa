/**
 * What the build station tells an agent its build must contain, by the spec's kind: how the trials will
 * start it, and that nothing is installed or compiled at test time, so the commit must run as it is.
 */
import type { Spec } from "../contracts/spec.js";

export function buildInstructions(spec: Spec): string {
  const common = [
    `Build what the spec "${spec.frontMatter.name}" describes, in this repository, and leave it committed.`,
    "A hidden suite of scenarios will test the build; it follows the spec and its acceptance criteria.",
    "Nothing is installed or compiled before the tests run: commit the build in runnable form (compiled output included, no dependencies to install, or the dependencies committed).",
  ];
  return [...common, ...kindInstructions(spec)].join("\n");
}

function kindInstructions(spec: Spec): string[] {
  const model = spec.model;
  switch (model?.kind ?? spec.frontMatter.kind) {
    case "http-service": {
      const health = model?.kind === "http-service" ? model.model.http.health : "the health path";
      return [
        "The repository root must hold a package.json whose `scripts.start` starts the service (it is run with `sh -c`, not npm), listening on 127.0.0.1 at the port in the environment variable PORT.",
        `The tests wait until GET ${health} answers 200 before they begin.`,
      ];
    }
    case "cli": {
      const command = model?.kind === "cli" ? model.model.command.join(" ") : "the spec's command";
      return [`The tests run the program as \`${command}\` from the repository root.`];
    }
    case "library": {
      const module = model?.kind === "library" ? model.model.module : "the spec's module";
      return [
        `The tests import the module ${module} from the repository root and call its functions.`,
      ];
    }
    default:
      return [];
  }
}
