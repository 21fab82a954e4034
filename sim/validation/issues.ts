/**
 * Turns zod issues into the messages users see: the JSON path of the field, what is wrong, what is accepted and
 * the value that was given, e.g. `collector.arealDensityKgM2: must be > 0, got -3`.
 */
import type { z } from 'zod';

/** Dotted path as written in a scenario file: `shells[1].eccentricity[0]`. Empty path reads as `(root)`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node: unknown = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function bound(value: unknown): string {
  return typeof value === 'bigint' ? value.toString() : String(value);
}

/** One human sentence for one zod issue, including the offending value read from `input`. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = formatPath(issue.path);
  const got = showValue(valueAt(input, issue.path));
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array')
        return `${where}: must have at least ${bound(issue.minimum)} item(s), got ${got}`;
      if (issue.origin === 'string') return `${where}: must not be empty, got ${got}`;
      return `${where}: must be ${issue.inclusive ? '>=' : '>'} ${bound(issue.minimum)}, got ${got}`;
    case 'too_big':
      if (issue.origin === 'array')
        return `${where}: must have at most ${bound(issue.maximum)} item(s), got ${got}`;
      if (issue.origin === 'string') return `${where}: must be at most ${bound(issue.maximum)} characters`;
      return `${where}: must be ${issue.inclusive ? '<=' : '<'} ${bound(issue.maximum)}, got ${got}`;
    case 'invalid_type':
      return got === 'nothing'
        ? `${where}: is required (a ${issue.expected})`
        : `${where}: must be a ${issue.expected}, got ${got}`;
    case 'unrecognized_keys':
      return `${where}: unknown field(s) ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'invalid_value':
      return `${where}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'not_multiple_of':
      return `${where}: must be a multiple of ${bound(issue.divisor)}, got ${got}`;
    default:
      if (issue.code === 'invalid_format' || issue.code === 'custom')
        return `${where}: ${issue.message}, got ${got}`;
      return `${where}: ${issue.message}`;
  }
}

/** All issues, one per line, at most `limit` of them. */
export function describeIssues(error: z.ZodError, input: unknown, limit = 20): string {
  const lines = error.issues.slice(0, limit).map((issue) => describeIssue(issue, input));
  if (error.issues.length > limit) lines.push(`... and ${error.issues.length - limit} more`);
  return lines.join('\n');
}
