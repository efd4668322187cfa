/**
 * `shopfloor run --watch`: notices when a spec file changes (editors often replace the file, so the
 * folder is watched, not the file) and tells a real change from a save that left the text as it was.
 */
import { createHash } from "node:crypto";
import { watch } from "node:fs";
import { basename, dirname } from "node:path";

export interface FileWatcher {
  close(): void;
}

export type WatchFiles = (
  paths: readonly string[],
  onChange: (path: string) => void,
) => FileWatcher;

export const watchFiles: WatchFiles = (paths, onChange) => {
  const folders = [...new Set(paths.map((path) => dirname(path)))];
  const watchers = folders.map((folder) =>
    watch(folder, (_eventType, fileName) => {
      for (const path of paths) {
        if (dirname(path) === folder && basename(path) === fileName) onChange(path);
      }
    }),
  );
  return {
    close: () => {
      for (const watcher of watchers) watcher.close();
    },
  };
};

/** The text of each spec as last submitted, by content hash. */
export class SpecVersions {
  readonly #read: (path: string) => Promise<string>;
  readonly #hashes = new Map<string, string>();

  constructor(read: (path: string) => Promise<string>) {
    this.#read = read;
  }

  /** Whether the file's text differs from the last one seen (the first look counts as a change). */
  async changed(path: string): Promise<boolean> {
    const hash = createHash("sha256")
      .update(await this.#read(path))
      .digest("hex");
    if (this.#hashes.get(path) === hash) return false;
    this.#hashes.set(path, hash);
    return true;
  }
}
