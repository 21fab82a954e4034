/**
 * Parameters by their JSON path in a scenario file (`growth.sites[0].factory.replicationTimeYears`): parsed to
 * keys, read, and written into a deep copy. Only paths that already hold a number are paths a study may vary.
 */
export type PathKey = string | number;

/** The keys of a path the sweep schema accepted (names and [index] parts). */
export function pathKeys(path: string): PathKey[] {
  const keys: PathKey[] = [];
  for (const part of path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]/g)) {
    keys.push(part[1] !== undefined ? part[1] : Number(part[2]));
  }
  return keys;
}

/** The value at `path` in `root`, or undefined where the path leaves the document. */
export function valueAtPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of pathKeys(path)) {
    if (typeof key === 'number' ? !Array.isArray(node) : node === null || typeof node !== 'object') {
      return undefined;
    }
    if (Array.isArray(node) && typeof key !== 'number') return undefined;
    node = (node as Record<PathKey, unknown>)[key];
  }
  return node;
}

/** A deep copy of the JSON document `root` with each path set to its value (paths already checked to exist). */
export function withValues(
  root: unknown,
  values: ReadonlyArray<readonly [path: string, value: number]>,
): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as unknown;
  for (const [path, value] of values) {
    const keys = pathKeys(path);
    let node = copy as Record<PathKey, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<PathKey, unknown>;
    const last = keys[keys.length - 1];
    if (last !== undefined) node[last] = value;
  }
  return copy;
}
