/**
 * `shopfloor releases` for a terminal: per service, its releases newest first (state, work item, build,
 * commit, address, how long in that state) and its latest incident; with `--all`, the releases that
 * ended too (failed, retired, rolled back, each with its reason) and every incident.
 */
import type { Incident, Release, ReleaseState } from "../contracts/index.js";
import { plural } from "./format.js";
import { shortBuild } from "./line-event-text.js";
import { ageText, secondsBetween } from "./line-format.js";
import { textTable } from "./text-table.js";

/** The releases that run: what `shopfloor releases` shows without `--all`. */
export const runningReleaseStates: readonly ReleaseState[] = [
  "starting",
  "canary",
  "live",
  "standby",
];

export interface ReleasesView {
  /** Newest first. */
  releases: Release[];
  /** Newest first: the latest per service, or every incident with `--all`. */
  incidents: Incident[];
  /** Releases that ended and are left out (without `--all`). */
  hidden: number;
}

/**
 * What `shopfloor releases` shows (and prints with `--json`), from every release and incident, both
 * newest first as the facade lists them.
 */
export function selectReleases(
  releases: readonly Release[],
  incidents: readonly Incident[],
  all: boolean,
): ReleasesView {
  const shown = all
    ? [...releases]
    : releases.filter((release) => runningReleaseStates.includes(release.state));
  const shownIncidents = all
    ? [...incidents]
    : incidents.filter(
        (incident, index) =>
          incidents.findIndex((other) => other.service === incident.service) === index,
      );
  return { releases: shown, incidents: shownIncidents, hidden: releases.length - shown.length };
}

export function renderReleases(
  view: ReleasesView,
  services: readonly string[],
  options: { now: Date; service?: string },
): string {
  if (services.length === 0) {
    const which = options.service === undefined ? "" : ` of ${options.service}`;
    return `No releases${which} yet: approved http services are deployed by \`shopfloor run\`.\n`;
  }
  const sections = services.map((service) => renderService(view, service, options.now));
  if (view.hidden > 0) {
    const which = options.service === undefined ? "" : ` --service ${options.service}`;
    sections.push(
      `${plural(view.hidden, "release")} that ended (failed, retired, rolled back) not shown: shopfloor releases --all${which}`,
    );
  }
  return `${sections.join("\n\n")}\n`;
}

/** The services with a release, in name order. */
export function servicesOf(releases: readonly Release[]): string[] {
  return [...new Set(releases.map((release) => release.service))].sort();
}

function renderService(view: ReleasesView, service: string, now: Date): string {
  const releases = view.releases.filter((release) => release.service === service);
  const live = releases.find((release) => release.state === "live");
  const headline =
    live === undefined
      ? `${service}: no live release`
      : `${service}: ${live.id} is live${live.address === undefined ? "" : ` at ${live.address}`}`;
  const lines = [headline];
  if (releases.length > 0) lines.push(releaseTable(releases, now));
  else lines.push("  no release running");
  for (const release of releases) {
    if (release.reason !== undefined && !runningReleaseStates.includes(release.state)) {
      lines.push(`  ${release.id} ${release.state}: ${release.reason}`);
    }
  }
  const incidents = view.incidents.filter((incident) => incident.service === service);
  for (const [index, incident] of incidents.entries()) {
    lines.push(incidentLine(incident, now, index === 0 ? "latest incident" : "incident"));
  }
  return lines.join("\n");
}

function releaseTable(releases: readonly Release[], now: Date): string {
  const rows = releases.map((release) => [
    release.id,
    release.state,
    release.workItem,
    shortBuild(release.build, release.workItem),
    release.commit.slice(0, 7),
    release.address ?? "–",
    ageText(secondsBetween(sinceOf(release), now)),
  ]);
  return textTable(["release", "state", "work item", "build", "commit", "address", "since"], rows, [
    "left",
    "left",
    "left",
    "left",
    "left",
    "left",
    "right",
  ]);
}

function incidentLine(incident: Incident, now: Date, label: string): string {
  const age = ageText(secondsBetween(incident.openedAt, now));
  const fix = incident.fixItem === undefined ? "" : `; fix item ${incident.fixItem}`;
  return `  ${label} ${incident.id} by ${incident.by}, ${age} ago: ${incident.summary}${fix}`;
}

/** When the release entered its state, as near as the record says. */
function sinceOf(release: Release): string {
  if (release.state === "live") return release.liveAt ?? release.updatedAt;
  if (release.endedAt !== undefined) return release.endedAt;
  return release.updatedAt;
}
