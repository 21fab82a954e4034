import { describe, expect, it } from 'vitest';
import { parseDurationS, parseStep, stepTime } from '../sim/duration.ts';
import { isoToTdbS, tdbSToIso } from '../sim/time.ts';

describe('output steps', () => {
  it('parses fixed durations to exact seconds', () => {
    expect(parseDurationS('30d')).toBe(30 * 86400);
    expect(parseDurationS('90min')).toBe(5400);
    expect(parseDurationS('12h')).toBe(43200);
    expect(parseDurationS('2w')).toBe(14 * 86400);
    expect(parseDurationS('0.5s')).toBe(0.5);
  });

  it('steps calendar years and months on the UTC calendar, clamping to the month end', () => {
    const start = isoToTdbS('2030-01-31');
    const year = parseStep('1y');
    expect(tdbSToIso(stepTime(start, year, 20))).toBe('2050-01-31T00:00:00.000Z');
    const month = parseStep('1mo');
    expect(tdbSToIso(stepTime(start, month, 1))).toBe('2030-02-28T00:00:00.000Z');
    expect(tdbSToIso(stepTime(start, month, 25))).toBe('2032-02-29T00:00:00.000Z');
  });

  it('refuses zero, negative, fractional months and unknown units, naming the field', () => {
    expect(() => parseStep('0d', '--step')).toThrow(/--step: must be a positive duration/);
    expect(() => parseStep('-3d', '--step')).toThrow(/"-3d"/);
    expect(() => parseStep('1.5mo', '--step')).toThrow(/whole months/);
    expect(() => parseStep('3 fortnights', '--step')).toThrow(/1mo or 1y/);
    expect(() => parseDurationS('1y', 'x')).toThrow(/fixed duration/);
  });
});
