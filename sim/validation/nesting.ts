/**
 * Nesting depth limits for user data. Scenario and sweep files nest a few levels (the deepest built-in scenario:
 * 7); a file nested thousands of levels deep is not a scenario, and following it recursively (zod, the error
 * formatter, JSON.stringify) would overflow the stack. Both checks below are iterative, so they cannot overflow
 * themselves, and run before anything recursive sees the data.
 */
import { InputError } from '../errors.ts';

/** Deepest nesting of arrays and objects accepted in user data. Far above any real scenario, far below the stack. */
export const MAX_NESTING_DEPTH = 64;

/**
 * Throw an InputError naming `source` and the line where JSON text first nests deeper than `limit`. Scans the text
 * once, skipping string literals (brackets inside strings do not count). Malformed text is left to JSON.parse.
 */
export function checkJsonTextNesting(text: string, source: string, limit = MAX_NESTING_DEPTH): void {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) line += 1;
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > limit) {
        throw new InputError(
          `${source}: nests deeper than ${limit} levels of arrays and objects (at line ${line}); a scenario nests at most a few`,
        );
      }
    } else if (c === 93 || c === 125) depth -= 1;
  }
}

/** Throw an InputError naming `source` when an already-parsed value nests deeper than `limit` (iterative walk). */
export function checkValueNesting(value: unknown, source: string, limit = MAX_NESTING_DEPTH): void {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  const seen = new Set<object>();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, depth } = item;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (depth + 1 > limit) {
      throw new InputError(`${source}: nests deeper than ${limit} levels of arrays and objects`);
    }
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
}
