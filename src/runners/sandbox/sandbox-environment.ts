/**
 * The whole environment of a sandboxed command: what the request gives, a PATH if it gives none, and the
 * private temp dir as both $HOME and $TMPDIR, whatever the request says, so nothing is written elsewhere.
 */

export function sandboxEnvironment(
  requested: Readonly<Record<string, string>>,
  temporaryDirectory: string,
  defaultPath: string,
): Record<string, string> {
  return {
    ...requested,
    PATH: requested.PATH ?? defaultPath,
    HOME: temporaryDirectory,
    TMPDIR: temporaryDirectory,
  };
}
