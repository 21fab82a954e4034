// Nesting limits on user data: iterative checks that run before anything recursive (zod, the error formatter).
import { describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { parseJsonWithLocation } from '../../sim/scenario/parseJson.ts';
import { MAX_NESTING_DEPTH, checkJsonTextNesting, checkValueNesting } from '../../sim/validation/nesting.ts';

const nestedArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('checkJsonTextNesting', () => {
  it('accepts exactly the limit and refuses one level more, naming the line', () => {
    expect(() => checkJsonTextNesting(nestedArrays(MAX_NESTING_DEPTH), 'f.json')).not.toThrow();
    const text = `{\n"a":\n${nestedArrays(MAX_NESTING_DEPTH)}}`;
    expect(() => checkJsonTextNesting(text, 'f.json')).toThrow(/f\.json: nests deeper than 64 .*line 3/);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ note: `"\\"${'['.repeat(1000)}`, list: [[1]] });
    expect(() => checkJsonTextNesting(text, 'f.json')).not.toThrow();
  });

  it('refuses 100,000 levels without overflowing the stack (the adversarial probe of issue 12)', () => {
    expect(() => parseJsonWithLocation(nestedArrays(100_000), 'deep.json')).toThrow(InputError);
  });
});

describe('checkValueNesting', () => {
  it('walks parsed values iteratively: 100,000 levels are refused, a shared subtree is visited once', () => {
    let deep: unknown = [];
    for (let k = 0; k < 100_000; k += 1) deep = [deep];
    expect(() => checkValueNesting(deep, 'scenario')).toThrow(/scenario: nests deeper than 64/);
    const shared = { a: [1, 2, 3] };
    expect(() => checkValueNesting({ x: shared, y: shared, z: [shared] }, 'scenario')).not.toThrow();
  });
});

describe('parseJsonWithLocation', () => {
  it('drops a leading UTF-8 byte-order mark (RFC 8259 section 8.1) and nothing else', () => {
    expect(parseJsonWithLocation('\uFEFF{"a": 1}', 'bom.json')).toEqual({ a: 1 });
    // A mark anywhere else is not whitespace in JSON.
    expect(() => parseJsonWithLocation('{"a":\uFEFF 1}', 'bom.json')).toThrow(/malformed JSON/);
  });
});
