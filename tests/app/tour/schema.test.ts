/**
 * Tours are data validated at load (src/app/tour/schema.ts): the shipped essay tour parses and walks 2030-2050 in
 * the essay's three phases; a bad tour is refused with the field, the value and what is accepted; a caption may
 * not hold a number typed by hand, nor name a figure the catalogue lacks.
 */
import { describe, expect, it } from 'vitest';
import essay from '../../../assets/tours/essay.json' with { type: 'json' };
import { FIGURES } from '../../../sim/report/figures.ts';
import { isoToTdbS } from '../../../sim/time.ts';
import { captionParts } from '../../../src/app/tour/caption.ts';
import { parseTour, placeholdersOf } from '../../../src/app/tour/schema.ts';

function withStep(patch: Record<string, unknown>): unknown {
  const copy = structuredClone(essay) as { steps: Array<Record<string, unknown>> };
  copy.steps[0] = { ...copy.steps[0], ...patch };
  return copy;
}

describe('tour files', () => {
  it('the essay tour parses, in date order, through the three phases', () => {
    const tour = parseTour(essay);
    expect(tour.steps.length).toBeGreaterThanOrEqual(6);
    const times = tour.steps.map((step) => step.tdbS);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const phases = new Set(tour.steps.map((step) => step.phase.slice(0, 9)));
    expect([...phases]).toEqual(['2025-2030', '2030-2040', '2040-2050']);
    expect(tour.steps[tour.steps.length - 1]?.tdbS).toBe(isoToTdbS('2050-12-31'));
    // every caption reads at least one figure of the catalogue
    const keys: ReadonlySet<string> = new Set(FIGURES.map((figure) => figure.key));
    for (const step of tour.steps)
      expect(placeholdersOf(step.caption).some((name) => keys.has(name))).toBe(true);
  });

  it('names the field of a bad date, target or figure', () => {
    expect(() => parseTour(withStep({ date: '2040-13-01' }))).toThrow(/steps\[0\]\.date/);
    expect(() => parseTour(withStep({ target: 'pluto' }))).toThrow(
      /steps\[0\]\.target: must be sun, mercury, venus, earth, moon, mars or shell:<name>, got "pluto"/,
    );
    expect(() => parseTour(withStep({ caption: 'AI draws {aiDemandGW}' }))).toThrow(
      /steps\[0\]\.caption: \{aiDemandGW\} is neither a number figure/,
    );
  });

  it('refuses a number typed by hand in a caption, but not a year or CO2', () => {
    expect(() => parseTour(withStep({ caption: 'AI draws {aiDemandW}, about 945 TWh' }))).toThrow(
      /typed by hand \(945\)/,
    );
    expect(() =>
      parseTour(withStep({ caption: 'In 2040 the CO2 per task is {co2PerTaskKg}' })),
    ).not.toThrow();
  });
});

describe('captions', () => {
  it('fills each placeholder from the snapshot values, fractions in percent', () => {
    const t = isoToTdbS('2040-01-01');
    const parts = captionParts(
      'On {date}: {aiSpaceShare} of {aiDemandW}; {missing}',
      { aiSpaceShare: 0.0125, aiDemandW: 1.738e11 },
      t,
    );
    expect(parts.map((part) => (part.kind === 'text' ? part.text : part.shown)).join('')).toBe(
      'On 2040-01-01: 1.25 % of 174 GW; —',
    );
    const share = parts.find((part) => part.kind === 'figure' && part.key === 'aiSpaceShare');
    expect(share?.kind === 'figure' ? share.value : null).toBe(0.0125);
  });
});
