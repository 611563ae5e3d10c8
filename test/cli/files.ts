/** Directory snapshots by md5: what "nothing the user had was destroyed" is checked with. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Relative path → md5 of every file under `dir`. */
export async function md5Tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const hash = createHash('md5')
      .update(await readFile(file))
      .digest('hex');
    out.set(path.relative(dir, file), hash);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** The entries of `before` whose content changed or that disappeared in `after`. */
export function changedOrLost(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file);
}
