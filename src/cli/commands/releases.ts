/**
 * `shopfloor releases`: what the line deployed, per service: the releases that run (live, standby,
 * starting, canary) with their work item, build, commit, address and age, and the service's latest
 * incident; `--all` adds the releases that ended (failed, retired, rolled back) and every incident.
 */
import { Command } from "commander";
import { type CommandContext, printJson } from "../command-context.js";
import { renderReleases, selectReleases, servicesOf } from "../line-releases.js";
import {
  defaultLineDependencies,
  type LineDependencies,
  lineConfigHelp,
  lineHomeHelp,
  withLine,
} from "../line-session.js";

interface ReleasesOptions {
  all?: boolean;
  service?: string;
  home?: string;
  config?: string;
  json?: boolean;
}

export function releasesCommand(
  context: CommandContext,
  dependencies: LineDependencies = defaultLineDependencies,
): Command {
  return new Command("releases")
    .description("the releases the line deployed, per service, and their incidents")
    .option("--all", "include the releases that ended (failed, retired, rolled back)")
    .option("--service <name>", "only this service (a spec's name)")
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option("--json", "print one JSON object: { releases, incidents }, newest first")
    .addHelpText(
      "after",
      '\nExamples:\n  shopfloor releases\n  shopfloor releases --all --service inventory-api\n  shopfloor rollback inventory-api-cc22dd --reason "orders are lost since the deploy"',
    )
    .action(async (options: ReleasesOptions) => {
      await withLine(context.io, options, dependencies, async ({ line }) => {
        const filter = options.service === undefined ? {} : { service: options.service };
        const releases = await line.releases(filter);
        const incidents = await line.incidents(filter);
        const view = selectReleases(releases, incidents, options.all === true);
        if (options.json) {
          printJson(context, { releases: view.releases, incidents: view.incidents });
          return;
        }
        context.io.stdout(
          renderReleases(view, servicesOf(releases), {
            now: dependencies.now(),
            service: options.service,
          }),
        );
      });
    });
}
