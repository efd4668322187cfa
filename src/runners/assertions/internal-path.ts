/**
 * Internal file-system paths in output meant for a user (`/home/deploy/app/src/db.ts`, `C:\inetpub\…`,
 * `node_modules/`): they tell an attacker how the service is laid out. URL paths such as `/api/users/42`
 * are not file-system paths: a path must start at a root that servers use for files (`/srv`, `/home`,
 * `/var`, …) and go two levels deep, or end in a source file; and one that is part of a URL or of a link
 * in a page is not counted.
 */

const systemRoots =
  "home|Users|root|srv|var|usr|opt|tmp|etc|proc|mnt|private|nix|workspace|builds|run|lib";
const applicationRoots = "app|code|src|data|workdir|project";
const sourceExtension = "(?:[cm]?[jt]sx?|py|rb|java|go|php|cs|rs|kt|scala|exs?|pl|lua)";
// Not inside a URL (after a host or another path segment) and not a link target in a page.
const notInUrl = String.raw`(?<![\w.:/~@%\\-])(?<!(?:href|src|action|content)=["']?)`;
const segment = String.raw`[\w.@+-]+`;

const internalPathPatterns: readonly RegExp[] = [
  new RegExp(
    String.raw`${notInUrl}(?:file:\/\/)?\/(?:${systemRoots})\/(?:${segment}\/)+${segment}|${notInUrl}\/(?:${systemRoots})\/${segment}\.${sourceExtension}\b`,
    "g",
  ),
  new RegExp(
    String.raw`${notInUrl}\/(?:${applicationRoots})\/(?:${segment}\/)*[\w@+-]+\.${sourceExtension}\b`,
    "g",
  ),
  /(?<![\w-])node_modules[\\/][\w@.-]+/g,
  // Windows, with the backslashes escaped or not: C:\inetpub\wwwroot, "C:\\Users\\app"
  /\b[A-Z]:\\{1,2}[\w .$@-]+(?:\\{1,2}[\w.$@-]+)+/g,
];

/** Every internal path in the text, except those in `ignored` (text the request itself sent). */
export function findInternalPaths(text: string, ignored = ""): string[] {
  const found: string[] = [];
  for (const pattern of internalPathPatterns) {
    for (const match of text.matchAll(pattern)) {
      const path = match[0];
      if (!ignored.includes(path) && !found.includes(path)) found.push(path);
    }
  }
  return found;
}
