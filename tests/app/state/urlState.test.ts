/**
 * The view in the URL (src/app/state/urlState.ts): hand-written query strings parse to the view they name, a view
 * formats to the query string written here by hand, the two round-trip, and every malformed parameter falls back to
 * the default (null) without throwing.
 */
import { describe, expect, test } from 'vitest';
import { isoToTdbS } from '../../../sim/time.ts';
import { speedAt } from '../../../src/app/state/speeds.ts';
import { formatUrlTime, formatUrlView, parseUrlView, type UrlView } from '../../../src/app/state/urlState.ts';
import { TDB_MINUS_TT_BOUND_S, ttSecondsOfUtc } from './calendar.ts';

/** One month of playback per second: a Julian year (365.25 d) over 12, s. */
const MONTH_S = (365.25 * 86_400) / 12;

const NO_VIEW: UrlView = {
  timeTdbS: null,
  scenario: null,
  target: null,
  cameraPose: null,
  tracers: null,
  speedIndex: null,
  colorMode: null,
};

describe('parseUrlView', () => {
  test('a shared link names every part of the view', () => {
    const view = parseUrlView(
      '?t=2045-03-17T06:30:00Z&scenario=stored:fast-swarm&target=shell:inner&cam=1400,-60,55&tracers=1200&speed=1mo&color=irradiance',
    );
    expect(Math.abs((view.timeTdbS ?? NaN) - ttSecondsOfUtc(2045, 3, 17, 6, 30))).toBeLessThan(
      TDB_MINUS_TT_BOUND_S,
    );
    expect(view.scenario).toEqual({ kind: 'stored', name: 'fast-swarm' });
    expect(view.target).toBe('shell:inner');
    expect(view.cameraPose).toEqual({ distanceMm: 1400, azimuthDeg: -60, elevationDeg: 55 });
    expect(view.tracers).toBe(1200);
    expect(speedAt(view.speedIndex ?? NaN).secondsPerSecond).toBe(MONTH_S);
    expect(view.colorMode).toBe('irradiance');
  });

  test('the leading "?" is optional, and escaped ":" and "," read the same', () => {
    expect(parseUrlView('scenario=stored%3Afast-swarm&cam=1400%2C-60%2C55')).toEqual({
      ...NO_VIEW,
      scenario: { kind: 'stored', name: 'fast-swarm' },
      cameraPose: { distanceMm: 1400, azimuthDeg: -60, elevationDeg: 55 },
    });
  });

  test('a date alone is midnight UTC, and a built-in scenario is named plainly', () => {
    const view = parseUrlView('t=2045-01-01&scenario=baseline&target=moon');
    expect(Math.abs((view.timeTdbS ?? NaN) - ttSecondsOfUtc(2045, 1, 1))).toBeLessThan(TDB_MINUS_TT_BOUND_S);
    expect(view.scenario).toEqual({ kind: 'builtin', name: 'baseline' });
    expect(view.target).toBe('moon');
  });

  test('an empty query names nothing', () => {
    expect(parseUrlView('')).toEqual(NO_VIEW);
    expect(parseUrlView('?')).toEqual(NO_VIEW);
  });

  // each malformed value is ignored (null: the default is used), never fatal
  const BAD: ReadonlyArray<readonly [string, keyof UrlView]> = [
    ['t=2045-13-01', 'timeTdbS'],
    ['t=2045-02-30', 'timeTdbS'],
    ['t=yesterday', 'timeTdbS'],
    ['t=2045-01-01T06:00:00', 'timeTdbS'], // no zone: refused rather than read in local time
    ['t=1960-01-01', 'timeTdbS'], // before UTC had integral leap seconds
    ['t=', 'timeTdbS'],
    ['scenario=Baseline', 'scenario'],
    ['scenario=../secrets', 'scenario'],
    ['scenario=stored:', 'scenario'],
    ['scenario=stored:Bad Name', 'scenario'],
    ['scenario=-leading-dash', 'scenario'],
    ['target=pluto', 'target'],
    ['target=shell:', 'target'],
    ['target=SUN', 'target'],
    ['cam=1400,-60', 'cameraPose'],
    ['cam=1400,-60,55,1', 'cameraPose'],
    ['cam=0,-60,55', 'cameraPose'],
    ['cam=-5,-60,55', 'cameraPose'],
    ['cam=1400,-60,95', 'cameraPose'],
    ['cam=1400,x,55', 'cameraPose'],
    ['cam=Infinity,0,0', 'cameraPose'],
    ['tracers=0', 'tracers'],
    ['tracers=1.5', 'tracers'],
    ['tracers=-3', 'tracers'],
    ['tracers=1e3', 'tracers'],
    ['tracers=50000001', 'tracers'],
    ['speed=fast', 'speedIndex'],
    ['speed=', 'speedIndex'],
    ['color=rainbow', 'colorMode'],
  ];
  test.each(BAD)('%s is ignored', (search, field) => {
    expect(() => parseUrlView(search)).not.toThrow();
    expect(parseUrlView(search)[field]).toBeNull();
    // and does not spoil the parameter beside it
    if (field === 'tracers') expect(parseUrlView(`${search}&target=earth`).target).toBe('earth');
    else expect(parseUrlView(`${search}&tracers=800`).tracers).toBe(800);
  });

  test('the limits themselves are accepted', () => {
    expect(parseUrlView('tracers=1').tracers).toBe(1);
    expect(parseUrlView('tracers=50000000').tracers).toBe(50_000_000);
    expect(parseUrlView('cam=0.001,0,90').cameraPose).toEqual({
      distanceMm: 0.001,
      azimuthDeg: 0,
      elevationDeg: 90,
    });
    expect(parseUrlView('cam=5,0,-90').cameraPose?.elevationDeg).toBe(-90);
  });
});

describe('formatUrlView', () => {
  const view = {
    timeTdbS: isoToTdbS('2047-05-20T12:00:00Z'),
    scenario: { kind: 'builtin', name: 'baseline' },
    target: 'earth',
    cameraPose: { distanceMm: 1400, azimuthDeg: -60, elevationDeg: 55 },
    tracers: null,
    speedIndex: 2,
    colorMode: 'shell',
  } as const;

  test('writes the view as a short, readable query string', () => {
    expect(formatUrlView(view)).toBe(
      't=2047-05-20T12:00:00Z&scenario=baseline&target=earth&cam=1400,-60,55&speed=1mo',
    );
  });

  test('a stored scenario, a tracer budget and a colouring other than by shell are written; ":" and "," stay readable', () => {
    expect(
      formatUrlView({
        ...view,
        scenario: { kind: 'stored', name: 'fast-swarm' },
        target: 'shell:inner',
        tracers: 1200,
        colorMode: 'site',
      }),
    ).toBe(
      't=2047-05-20T12:00:00Z&scenario=stored:fast-swarm&target=shell:inner&cam=1400,-60,55&tracers=1200&speed=1mo&color=site',
    );
  });

  test('no camera pose and no scenario yet: neither is written', () => {
    expect(formatUrlView({ ...view, scenario: null, cameraPose: null })).toBe(
      't=2047-05-20T12:00:00Z&target=earth&speed=1mo',
    );
  });

  test('camera numbers keep 5 significant digits', () => {
    const pose = { distanceMm: 415_012.345, azimuthDeg: -62.123456, elevationDeg: 0.000123456 };
    expect(formatUrlView({ ...view, cameraPose: pose })).toContain('cam=415010,-62.123,0.00012346&');
  });

  test('time is as short as exact to the millisecond allows', () => {
    expect(formatUrlTime(isoToTdbS('2045-01-01'))).toBe('2045-01-01');
    expect(formatUrlTime(isoToTdbS('2045-03-17T06:30:00Z'))).toBe('2045-03-17T06:30:00Z');
    expect(formatUrlTime(isoToTdbS('2045-03-17T06:30:00.250Z'))).toBe('2045-03-17T06:30:00.250Z');
  });
});

describe('round trip', () => {
  const VIEWS = [
    {
      timeTdbS: isoToTdbS('2045-03-17T06:30:00.250Z'),
      scenario: { kind: 'stored', name: 'fast-swarm' },
      target: 'shell:inner',
      cameraPose: { distanceMm: 2600, azimuthDeg: -60, elevationDeg: 55 },
      tracers: 1200,
      speedIndex: 0,
      colorMode: 'site',
    },
    {
      timeTdbS: isoToTdbS('2030-01-01'),
      scenario: { kind: 'builtin', name: 'metzger-2013' },
      target: 'sun',
      cameraPose: null,
      tracers: null,
      speedIndex: 6,
      colorMode: 'shell',
    },
  ] as const;

  /** The URL keeps milliseconds: a parsed time may differ from the original by the rounding of tdbSToIso. */
  const ROUND_TRIP_TIME_TOL_S = 5e-4;

  test.each(VIEWS)('format then parse gives the view back ($target)', (original) => {
    const parsed = parseUrlView(formatUrlView(original));
    expect(Math.abs((parsed.timeTdbS ?? NaN) - original.timeTdbS)).toBeLessThan(ROUND_TRIP_TIME_TOL_S);
    // the default colouring (by shell) is left out of the URL, so it reads back as "not named" (null)
    expect({ ...parsed, timeTdbS: 0 }).toEqual({
      ...original,
      timeTdbS: 0,
      colorMode: original.colorMode === 'shell' ? null : original.colorMode,
    });
  });

  test('parse then format gives the hand-written link back', () => {
    const link =
      't=2045-03-17T06:30:00Z&scenario=stored:fast-swarm&target=shell:inner&cam=1400,-60,55&tracers=1200&speed=1mo&color=irradiance';
    const view = parseUrlView(link);
    expect(
      formatUrlView({
        timeTdbS: view.timeTdbS ?? NaN,
        scenario: view.scenario,
        target: view.target ?? 'sun',
        cameraPose: view.cameraPose,
        tracers: view.tracers,
        speedIndex: view.speedIndex ?? NaN,
        colorMode: view.colorMode ?? 'shell',
      }),
    ).toBe(link);
  });
});
