import { describe, expect, it } from 'vitest';

import { AU_M, GM_SUN_M3_S2 } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import type { KeplerElements } from '../../sim/orbit/elements.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import {
  createTracerTable,
  setTracer,
  tracerTableRows,
  validateTracerTable,
} from '../../sim/propagate/tracerTable.ts';

/** Angles reduced to [0, 2 pi), digits: k turns of the rounded 2 pi (2.4e-16 off each) and a subtraction. */
const ONE_TURN_DIGITS = 14;
const SIX_TURNS_DIGITS = 13;

const el: KeplerElements = {
  semiMajorAxisM: 0.9 * AU_M,
  eccentricity: 0.05,
  inclinationRad: 0.2,
  ascendingNodeRad: -1,
  argPeriapsisRad: 7,
  meanAnomalyRad: 40,
};

function filledTable(count: number): TracerTable {
  const t = createTracerTable(count);
  for (let k = 0; k < count; k += 1) setTracer(t, k, el, 1e8, GM_SUN_M3_S2, 1e6, 2e8, k);
  return t;
}

const FLOAT_COLUMNS = [
  'semiMajorAxisM',
  'eccentricity',
  'inclinationRad',
  'ascendingNodeRad',
  'argPeriapsisRad',
  'meanAnomalyAtEpochRad',
  'epochTdbS',
  'meanMotionRadS',
  'weight',
  'stationTdbS',
] as const;

describe('createTracerTable', () => {
  it('makes zero-filled columns of the requested length', () => {
    const t = createTracerTable(4);
    expect(t.count).toBe(4);
    for (const name of FLOAT_COLUMNS) {
      expect(t[name]).toBeInstanceOf(Float64Array);
      expect(Array.from(t[name])).toEqual([0, 0, 0, 0]);
    }
    expect(t.shellIndex).toBeInstanceOf(Uint16Array);
    expect(t.shellIndex.length).toBe(4);
    expect(createTracerTable(0).count).toBe(0);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => createTracerTable(-1)).toThrow('count: must be a non-negative integer, got -1');
    expect(() => createTracerTable(1.5)).toThrow(InputError);
    expect(() => createTracerTable(Number.NaN)).toThrow(InputError);
  });
});

describe('setTracer', () => {
  it('stores the elements, n = sqrt(mu / a^3) and angles reduced to [0, 2π)', () => {
    const t = createTracerTable(2);
    setTracer(t, 1, el, 123, 0.8 * GM_SUN_M3_S2, 2.5, 456, 65_535);
    expect(t.semiMajorAxisM[1]).toBe(el.semiMajorAxisM);
    expect(t.eccentricity[1]).toBe(el.eccentricity);
    expect(t.inclinationRad[1]).toBe(el.inclinationRad);
    expect(t.ascendingNodeRad[1]).toBeCloseTo(2 * Math.PI - 1, ONE_TURN_DIGITS);
    expect(t.argPeriapsisRad[1]).toBeCloseTo(7 - 2 * Math.PI, ONE_TURN_DIGITS);
    expect(t.meanAnomalyAtEpochRad[1]).toBeCloseTo(40 - 12 * Math.PI, SIX_TURNS_DIGITS);
    expect(t.epochTdbS[1]).toBe(123);
    expect(t.meanMotionRadS[1]).toBe(Math.sqrt((0.8 * GM_SUN_M3_S2) / el.semiMajorAxisM ** 3));
    expect(t.weight[1]).toBe(2.5);
    expect(t.stationTdbS[1]).toBe(456);
    expect(t.shellIndex[1]).toBe(65_535);
    expect(t.semiMajorAxisM[0]).toBe(0);
  });

  it('rejects bad arguments, naming them', () => {
    const t = createTracerTable(2);
    const ok = (): void => setTracer(t, 0, el, 0, GM_SUN_M3_S2, 1, 0, 0);
    expect(ok).not.toThrow();
    expect(() => setTracer(t, 2, el, 0, GM_SUN_M3_S2, 1, 0, 0)).toThrow(
      'index: must be an integer in [0, 1], got 2',
    );
    expect(() => setTracer(t, 0, { ...el, eccentricity: 1.2 }, 0, GM_SUN_M3_S2, 1, 0, 0)).toThrow(
      'tracers[0].eccentricity: must be in [0, 1), got 1.2',
    );
    expect(() => setTracer(t, 0, el, Number.NaN, GM_SUN_M3_S2, 1, 0, 0)).toThrow(/epochTdbS/);
    expect(() => setTracer(t, 0, el, 0, 0, 1, 0, 0)).toThrow(/muEffM3S2/);
    expect(() => setTracer(t, 0, el, 0, GM_SUN_M3_S2, 0, 0, 0)).toThrow(
      /weight: must be a finite number > 0/,
    );
    expect(() => setTracer(t, 0, el, 0, GM_SUN_M3_S2, 1, Number.POSITIVE_INFINITY, 0)).toThrow(/stationTdbS/);
    expect(() => setTracer(t, 0, el, 0, GM_SUN_M3_S2, 1, 0, 65_536)).toThrow(/shellIndex/);
    expect(() => setTracer(t, 0, el, 0, GM_SUN_M3_S2, 1, 0, 1.5)).toThrow(/shellIndex/);
  });
});

describe('validateTracerTable', () => {
  it('accepts a filled table and an empty one', () => {
    expect(() => validateTracerTable(filledTable(5))).not.toThrow();
    expect(() => validateTracerTable(createTracerTable(0))).not.toThrow();
  });

  it('rejects a zero-filled (never set) row', () => {
    expect(() => validateTracerTable(createTracerTable(1))).toThrow(
      'tracers.semiMajorAxisM[0]: must be > 0 m, got 0',
    );
  });

  for (const name of FLOAT_COLUMNS) {
    it(`rejects NaN and Infinity in ${name}, naming column and index`, () => {
      const t = filledTable(5);
      t[name][3] = Number.NaN;
      expect(() => validateTracerTable(t)).toThrow(`tracers.${name}[3]: must be a finite number, got NaN`);
      t[name][3] = Number.NEGATIVE_INFINITY;
      expect(() => validateTracerTable(t)).toThrow(`tracers.${name}[3]`);
    });

    it(`rejects a ${name} column of the wrong length`, () => {
      const t = filledTable(5);
      const broken = { ...t, [name]: new Float64Array(4) } as TracerTable;
      expect(() => validateTracerTable(broken)).toThrow(`tracers.${name}: has length 4, expected count = 5`);
    });
  }

  it('rejects a shellIndex column of the wrong length', () => {
    const broken = { ...filledTable(3), shellIndex: new Uint16Array(4) };
    expect(() => validateTracerTable(broken)).toThrow('tracers.shellIndex: has length 4, expected count = 3');
  });

  const cases: Array<[(typeof FLOAT_COLUMNS)[number], number, RegExp]> = [
    ['eccentricity', 1, /tracers\.eccentricity\[2\]: must be in \[0, 1\), got 1$/],
    ['eccentricity', 1.5, /tracers\.eccentricity\[2\]: must be in \[0, 1\), got 1.5/],
    ['eccentricity', -0.01, /tracers\.eccentricity\[2\]: must be in \[0, 1\), got -0.01/],
    ['semiMajorAxisM', 0, /tracers\.semiMajorAxisM\[2\]: must be > 0 m, got 0/],
    ['semiMajorAxisM', -1e11, /tracers\.semiMajorAxisM\[2\]: must be > 0 m/],
    ['meanMotionRadS', 0, /tracers\.meanMotionRadS\[2\]: must be > 0 rad\/s, got 0/],
    ['meanMotionRadS', -1e-7, /tracers\.meanMotionRadS\[2\]/],
    ['weight', 0, /tracers\.weight\[2\]: must be > 0, got 0/],
    ['weight', -3, /tracers\.weight\[2\]: must be > 0, got -3/],
    ['inclinationRad', 3.2, /tracers\.inclinationRad\[2\]: must be in \[0, π\] rad, got 3.2/],
    ['inclinationRad', -0.1, /tracers\.inclinationRad\[2\]/],
  ];
  for (const [name, value, message] of cases) {
    it(`rejects ${name} = ${value}`, () => {
      const t = filledTable(4);
      t[name][2] = value;
      expect(() => validateTracerTable(t)).toThrow(InputError);
      expect(() => validateTracerTable(t)).toThrow(message);
    });
  }
});

describe('tracerTableRows', () => {
  it('views rows [start, end) of every column without copying', () => {
    const t = filledTable(10);
    const rows = tracerTableRows(t, 3, 7);
    expect(rows.count).toBe(4);
    expect([...rows.shellIndex]).toEqual([3, 4, 5, 6]);
    for (const name of FLOAT_COLUMNS) {
      expect(rows[name]).toHaveLength(4);
      expect(rows[name].buffer).toBe(t[name].buffer);
    }
    t.weight[5] = 42;
    expect(rows.weight[2]).toBe(42);
    expect(tracerTableRows(t, 0, 10)).toBe(t);
    expect(tracerTableRows(t, 10, 10).count).toBe(0);
  });

  it('rejects a range outside the table, naming it', () => {
    const t = filledTable(5);
    for (const [start, end] of [
      [-1, 2],
      [3, 2],
      [0, 6],
      [0.5, 2],
    ] as const) {
      expect(() => tracerTableRows(t, start, end)).toThrow(/^rows: /);
    }
  });
});
