/**
 * `shopfloor lint SPEC`: the intake station's requirements lint. Prints the findings grouped by severity
 * with their lines, the score against the profile's intake minimum and the decision; exits 0 on pass, 1
 * when the spec needs clarification, 2 when it does not parse. A model configured for "lint" (or the
 * default model) adds its review unless --no-llm.
 */
import { dirname, join } from "node:path";
import { Command } from "commander";
import { type Config, defaultIntakeMinimumScore, modelFor } from "../../contracts/index.js";
import type { LintFinding, LintReport, LintSeverity } from "../../contracts/lint.js";
import { resolveProfile } from "../../gate/index.js";
import { createLanguageModel, modelLabel } from "../../models/create-language-model.js";
import { lintSpecWithModel } from "../../requirements/lint/index.js";
import { parseSpec } from "../../requirements/parse-spec.js";
import { type CommandContext, printJson } from "../command-context.js";
import { exitCodes } from "../exit-codes.js";
import { loadConfig } from "../load-config.js";

/** The spec goes back to its author; the same code as the gate's "regenerate": try again after a change. */
const clarifyExitCode = 1;

interface LintCommandOptions {
  profile?: string;
  config?: string;
  json?: boolean;
  llm: boolean;
}

export function lintCommand(context: CommandContext): Command {
  return new Command("lint")
    .description("lint a spec's requirements before any money is spent: findings, score, decision")
    .argument("<spec>", "the spec, a Markdown file")
    .option(
      "--profile <name>",
      "quality profile whose intake minimum applies (default: the spec's profile, else the config's defaultProfile)",
    )
    .option(
      "--config <path>",
      "config file (default: ./shopfloor.config.yaml, .yml or .json if present)",
    )
    .option("--json", "print the report as one JSON object")
    .option("--no-llm", "do not ask a language model for a review, even when one is configured")
    .addHelpText(
      "after",
      "\nExit codes: 0 pass, 1 clarify (below the profile's intake minimum), 2 a spec that does not parse or bad usage.",
    )
    .action((specPath: string, options: LintCommandOptions) => lint(context, specPath, options));
}

async function lint(
  context: CommandContext,
  specPath: string,
  options: LintCommandOptions,
): Promise<void> {
  const config = await loadConfig(context.io, options.config);
  const specText = await context.io.readText(specPath);
  const readRelative = async (relativePath: string) => {
    const path = join(dirname(specPath), relativePath);
    return { text: await context.io.readText(path), path };
  };
  const spec = await parseSpec(specText, specPath, { readRelative });
  const profile = options.profile ?? spec.frontMatter.profile ?? config.defaultProfile;
  const minimumScore = intakeMinimumScore(profile, config);
  const reference = options.llm ? modelFor(config, "lint") : undefined;
  const report = await lintSpecWithModel(spec, specText, {
    minimumScore,
    ...(reference === undefined
      ? {}
      : {
          model: createLanguageModel(reference, context.io.environment),
          modelLabel: modelLabel(reference),
        }),
  });
  if (options.json) printJson(context, report);
  else context.io.stdout(renderLintReport(report, profile));
  context.exitCode = report.decision === "pass" ? exitCodes.success : clarifyExitCode;
}

/** A profile's intake minimum: its own or the one it inherits, else the default. */
export function intakeMinimumScore(name: string, config: Config): number {
  return resolveProfile(name, config).intake?.minimumScore ?? defaultIntakeMinimumScore;
}

const severityTitles: Record<LintSeverity, string> = {
  error: "errors",
  warning: "warnings",
  info: "info",
};

export function renderLintReport(report: LintReport, profile: string): string {
  const lines: string[] = [`${report.spec}: ${countsLine(report.findings)}`];
  for (const severity of ["error", "warning", "info"] as const) {
    const findings = report.findings.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    lines.push("", severityTitles[severity]);
    for (const finding of findings) lines.push(`  ${findingLine(report.spec, finding)}`);
  }
  lines.push("");
  if (report.llm !== undefined) lines.push(reviewLine(report.llm));
  lines.push(`score ${report.score} / minimum ${report.minimumScore} (profile ${profile})`);
  lines.push(`decision: ${report.decision}`);
  return `${lines.join("\n")}\n`;
}

function countsLine(findings: readonly LintFinding[]): string {
  if (findings.length === 0) return "no findings";
  const count = (severity: LintSeverity) =>
    findings.filter((finding) => finding.severity === severity).length;
  return `${count("error")} errors, ${count("warning")} warnings, ${count("info")} info`;
}

function findingLine(source: string, finding: LintFinding): string {
  const words = finding.text === "" ? "" : ` ${JSON.stringify(finding.text)}`;
  return `${source}:${finding.line} ${finding.severity} ${finding.rule}${words}: ${finding.message}  → ${finding.suggestion}`;
}

function reviewLine(review: NonNullable<LintReport["llm"]>): string {
  if (review.error !== undefined) return `model review (${review.model}) skipped: ${review.error}`;
  const tokens =
    review.usage === undefined
      ? ""
      : `, ${review.usage.inputTokens + review.usage.outputTokens} tokens`;
  return `model review (${review.model}): ${review.findings} findings kept, ${review.dropped} dropped${tokens}`;
}
