/**
 * Seeds derived from the suite's seed and a stable key (`todo.title`, `normal/todo/create-3`), so that the
 * values of one field or scenario do not change when another field or scenario is added to the model.
 */
export function deriveSeed(seed: number, key: string): number {
  // FNV-1a over the key's code points, started from the seed.
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (const character of key) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
