/**
 * What one open line keeps in memory between jobs: parsed specs and loaded holdout suites. Both are
 * immutable under their key (a spec by the hash of its stored text and its path, which its relative
 * files are read from; a suite version by NAME@VERSION, never modified once saved), so the stations
 * share them instead of parsing the same text again on every job. Callers must not modify what they get.
 */
import type { Suite } from "../../contracts/scenario.js";
import type { Spec } from "../../contracts/spec.js";
import type { SuiteStore } from "../../scenarios/store/suite-store.js";
import { MemoCache } from "./memo-cache.js";

/** A spec as the line reads it: its stored text and what parsing it gave. */
export interface ItemSpec {
  spec: Spec;
  text: string;
}

export interface LineCaches {
  specs: MemoCache<ItemSpec>;
  suites: MemoCache<Suite>;
}

/** Enough for every item in flight at the default concurrency to share its spec. */
export const specCacheCapacity = 64;
/** The last versions the line loaded: an item's suite, and its extensions for more trials. */
export const suiteCacheCapacity = 32;

export function openLineCaches(): LineCaches {
  return {
    specs: new MemoCache(specCacheCapacity),
    suites: new MemoCache(suiteCacheCapacity),
  };
}

/** The key of an item's parsed spec: the same text at another path may read other relative files. */
export function specCacheKey(item: { specHash: string; specPath: string }): string {
  return `${item.specHash} ${item.specPath}`;
}

/**
 * The stored suite a reference names (`NAME`, `NAME@VERSION` or a version prefix), loaded once per
 * version: the reference is resolved on every call, so a moved `NAME` or a missing version is seen.
 */
export async function loadCachedSuite(
  services: { suites: Pick<SuiteStore, "resolve" | "load">; caches: LineCaches },
  reference: string,
): Promise<Suite> {
  const stored = await services.suites.resolve(reference);
  const version = `${stored.name}@${stored.version}`;
  return services.caches.suites.get(version, () => services.suites.load(version));
}
