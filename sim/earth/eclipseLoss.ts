/**
 * Eclipses over a span: the contact times of each eclipse, and the energy the grid loses to them.
 *
 * Sampling. The span is cut into days; within a day the Sun's geocentric direction is interpolated (normalised
 * linear interpolation between astronomy-engine's values at the day's ends, rotated into TEME of mid-day):
 * the Sun moves 1 deg/day along a great circle, so the interpolated direction is off by < 1e-7 rad, about
 * 1 ms of eclipse timing, and TEME of date turns by < 0.2"/day. Satellites stay in TEME (SGP4's frame).
 *
 * Skipping, never approximating: a day is skipped whole when the Sun is further from a near-circular orbit's
 * plane than the penumbra reaches (|beta| > rhoE + rhoS + margin, beta taken at the day's start with the Sun's
 * 0.4 deg/day in the margin); within a day, a sample far from the shadow skips ahead by the time the
 * satellite needs to reach it at twice its current angular rate (at most 2 h). Skipped samples are provably
 * lit, so the sum equals the plain sum on the same grid (tests/earth/eclipseLoss.test.ts checks it).
 *
 * Energy lost: for each satellite-day with shadow, the grid power that satellite would deliver fully lit
 * (segment.ts litGridPowerW: the full link budget, evaluated at the middle of an eclipse day and reused for
 * LIT_POWER_REUSE_S, while the same satellites are in service: a station-kept link changes by < 1e-4 in a week)
 * times the shadow integral: the midpoint sum of the hidden fraction of the Sun over a grid of step `resolutionS`
 * anchored at `fromTdbS`. Delivered power is taken proportional to the lit fraction of the array (exact unless
 * the rectenna's efficiency depends on density, and then only within the ~2-minute penumbral passages).
 */
import type { SatRec } from 'satellite.js';
import { GM_EARTH_M3_S2, SECONDS_PER_DAY } from '../constants.ts';
import { InputError } from '../errors.ts';
import { bisect } from '../numeric/search.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { sunGeocentricEqjM } from '../geometry/sunPosition.ts';
import { applyTransposed, temeToEqjMatrix } from './frames.ts';
import { inUmbra, shadowFractionOf, shadowGeometry, type ShadowGeometry } from './eclipse.ts';
import { temeAt, type OrbitModel } from './orbitModel.ts';
import type { EarthSegment } from './resolve.ts';
import { litGridPowerW } from './segment.ts';

/** Margin on the shadow's angular reach before a sample or a day may be skipped, rad (0.5 deg). */
export const SKIP_MARGIN_RAD = (0.5 * Math.PI) / 180;
/** Longest skip within a day, s. */
const MAX_SKIP_S = 7200;
/** How long a lit-power evaluation is reused across eclipse days, s (one week). */
export const LIT_POWER_REUSE_S = 7 * SECONDS_PER_DAY;

/** The Sun in TEME over one day. */
export interface SunDay {
  readonly startTdbS: number;
  readonly endTdbS: number;
  readonly sun0: Vec3;
  readonly sun1: Vec3;
}

export function sunDay(startTdbS: number, endTdbS: number): SunDay {
  const m = temeToEqjMatrix((startTdbS + endTdbS) / 2);
  return {
    startTdbS,
    endTdbS,
    sun0: applyTransposed(m, sunGeocentricEqjM(startTdbS)),
    sun1: applyTransposed(m, sunGeocentricEqjM(endTdbS)),
  };
}

export function sunAt(day: SunDay, tdbS: number): Vec3 {
  const span = day.endTdbS - day.startTdbS;
  const w = span > 0 ? (tdbS - day.startTdbS) / span : 0;
  const x = (1 - w) * day.sun0[0] + w * day.sun1[0];
  const y = (1 - w) * day.sun0[1] + w * day.sun1[1];
  const z = (1 - w) * day.sun0[2] + w * day.sun1[2];
  const length = (1 - w) * Math.hypot(...day.sun0) + w * Math.hypot(...day.sun1);
  const scale = length / Math.hypot(x, y, z);
  return [x * scale, y * scale, z * scale];
}

/** Shadow geometry of one satellite at one instant, with what the skipping needs. */
export interface Probe {
  readonly geometry: ShadowGeometry;
  /** Angular rate of the satellite about the Earth's centre, rad/s. */
  readonly angularRateRadS: number;
  /** sin of the Sun's angle to the orbit plane, and whether the orbit is near-circular (|r| v^2 / mu - 1 < 1 %). */
  readonly sinBeta: number;
  readonly nearCircular: boolean;
}

export function probe(orbit: OrbitModel, day: SunDay, tdbS: number, memo: Map<number, SatRec>): Probe | null {
  const result = temeAt(orbit, tdbS, memo);
  if (!result.ok) return null;
  const p = result.pv.position;
  const v = result.pv.velocity;
  const r: Vec3 = [p.x * 1000, p.y * 1000, p.z * 1000];
  const vel: Vec3 = [v.x * 1000, v.y * 1000, v.z * 1000];
  const sun = sunAt(day, tdbS);
  const hx = r[1] * vel[2] - r[2] * vel[1];
  const hy = r[2] * vel[0] - r[0] * vel[2];
  const hz = r[0] * vel[1] - r[1] * vel[0];
  const h = Math.hypot(hx, hy, hz);
  const rNorm = Math.hypot(...r);
  const v2 = vel[0] * vel[0] + vel[1] * vel[1] + vel[2] * vel[2];
  const sunNorm = Math.hypot(...sun);
  return {
    geometry: shadowGeometry(r, sun),
    angularRateRadS: h / (rNorm * rNorm),
    sinBeta: (hx * sun[0] + hy * sun[1] + hz * sun[2]) / (h * sunNorm),
    nearCircular: Math.abs((rNorm * v2) / GM_EARTH_M3_S2 - 1) < 0.01,
  };
}

/** Largest angular radius of the penumbra seen from this satellite, rad. */
export function penumbraReach(g: ShadowGeometry): number {
  return g.earthRadiusRad + g.sunRadiusRad;
}

/** True when the whole day can be skipped (see the module comment). */
export function dayIsLit(p: Probe): boolean {
  return p.nearCircular && Math.abs(Math.asin(p.sinBeta)) > penumbraReach(p.geometry) + 2 * SKIP_MARGIN_RAD;
}

/** Seconds the satellite certainly stays out of the penumbra from this sample. */
export function litForS(p: Probe): number {
  const gap = p.geometry.separationRad - penumbraReach(p.geometry) - SKIP_MARGIN_RAD;
  if (gap <= 0) return 0;
  return Math.min(MAX_SKIP_S, gap / (2 * p.angularRateRadS + 1e-6));
}

/** Hidden-fraction integral of one satellite over [fromTdbS, toTdbS] on a grid anchored at `gridOriginTdbS`. */
interface DayIntegral {
  /** Sum of fraction x sample width, s (equivalent seconds of full eclipse). */
  readonly shadowS: number;
  /** Time of the largest sampled fraction, TDB s (NaN if none). */
  readonly peakTdbS: number;
}

function integrateDay(
  orbit: OrbitModel,
  day: SunDay,
  fromTdbS: number,
  toTdbS: number,
  gridOriginTdbS: number,
  resolutionS: number,
  memo: Map<number, SatRec>,
): DayIntegral {
  const first = probe(orbit, day, fromTdbS, memo);
  if (first === null || dayIsLit(first)) return { shadowS: 0, peakTdbS: NaN };
  // Grid cells [origin + k res, origin + (k+1) res], clipped to [from, to]; each sampled at its middle.
  let k = Math.floor((fromTdbS - gridOriginTdbS) / resolutionS);
  let shadowS = 0;
  let peak = 0;
  let peakTdbS = NaN;
  for (;;) {
    const cellStart = Math.max(fromTdbS, gridOriginTdbS + k * resolutionS);
    const cellEnd = Math.min(toTdbS, gridOriginTdbS + (k + 1) * resolutionS);
    if (cellStart >= toTdbS) break;
    const t = (cellStart + cellEnd) / 2;
    const p = probe(orbit, day, t, memo);
    if (p === null) {
      k += 1;
      continue;
    }
    const fraction = shadowFractionOf(p.geometry);
    if (fraction > 0) {
      shadowS += fraction * (cellEnd - cellStart);
      if (fraction > peak) {
        peak = fraction;
        peakTdbS = t;
      }
      k += 1;
    } else {
      k += 1 + Math.floor(litForS(p) / resolutionS);
    }
  }
  return { shadowS, peakTdbS };
}

/** Per-satellite eclipse totals over a span. */
export interface SatelliteEclipseLoss {
  readonly name: string;
  /** Integral of the hidden fraction of the Sun, s (seconds of equivalent full eclipse). */
  readonly shadowS: number;
  /** Days with any shadow. */
  readonly eclipseDays: number;
  /** Grid energy lost, J. */
  readonly energyLossJ: number;
}

export interface EclipseLossReport {
  readonly fromTdbS: number;
  readonly toTdbS: number;
  readonly resolutionS: number;
  readonly energyLossJ: number;
  readonly perSatellite: readonly SatelliteEclipseLoss[];
}

export function checkSpan(fromTdbS: number, toTdbS: number, resolutionS: number): void {
  if (!Number.isFinite(fromTdbS) || !Number.isFinite(toTdbS) || !(toTdbS >= fromTdbS)) {
    throw new InputError(`must be a finite span with to >= from, got [${fromTdbS}, ${toTdbS}] TDB s`, 'span');
  }
  if (!(resolutionS > 0) || !Number.isFinite(resolutionS)) {
    throw new InputError(`must be a positive number of seconds, got ${resolutionS}`, 'eclipseResolution');
  }
}

/** Eclipse losses of every satellite over [fromTdbS, toTdbS] (see the module comment). */
export function eclipseLossReport(
  earth: EarthSegment,
  fromTdbS: number,
  toTdbS: number,
  resolutionS = earth.eclipseResolutionS,
): EclipseLossReport {
  checkSpan(fromTdbS, toTdbS, resolutionS);
  const totals = earth.satellites.map((sat) => ({
    name: sat.name,
    shadowS: 0,
    eclipseDays: 0,
    energyLossJ: 0,
  }));
  const memos = earth.satellites.map(() => new Map<number, SatRec>());
  let lit: { tdbS: number; inService: string; powersW: number[] } | null = null;
  for (let dayStart = fromTdbS; dayStart < toTdbS; dayStart += SECONDS_PER_DAY) {
    const dayEnd = Math.min(toTdbS, dayStart + SECONDS_PER_DAY);
    const day = sunDay(dayStart, dayEnd);
    const shadowed: { index: number; integral: DayIntegral }[] = [];
    earth.satellites.forEach((sat, index) => {
      const from = Math.max(dayStart, sat.inServiceTdbS);
      const to = Math.min(dayEnd, sat.retireTdbS);
      if (!(to > from)) return;
      const integral = integrateDay(
        sat.orbit,
        day,
        from,
        to,
        fromTdbS,
        resolutionS,
        memos[index] as Map<number, SatRec>,
      );
      if (integral.shadowS > 0) shadowed.push({ index, integral });
    });
    if (shadowed.length === 0) continue;
    const mid = shadowed.reduce((sum, s) => sum + s.integral.peakTdbS, 0) / shadowed.length;
    const inService = earth.satellites
      .map((sat) => (mid >= sat.inServiceTdbS && mid < sat.retireTdbS ? '1' : '0'))
      .join('');
    if (lit === null || mid - lit.tdbS > LIT_POWER_REUSE_S || lit.inService !== inService) {
      lit = { tdbS: mid, inService, powersW: litGridPowerW(earth, mid) };
    }
    for (const { index, integral } of shadowed) {
      const total = totals[index] as (typeof totals)[number];
      total.shadowS += integral.shadowS;
      total.eclipseDays += 1;
      total.energyLossJ += integral.shadowS * (lit.powersW[index] ?? 0);
    }
  }
  return {
    fromTdbS,
    toTdbS,
    resolutionS,
    energyLossJ: totals.reduce((sum, t) => sum + t.energyLossJ, 0),
    perSatellite: totals,
  };
}

/** Grid energy lost to eclipses over [fromTdbS, toTdbS], J, sampled every `resolutionS` (default: the section's). */
export function eclipseEnergyLossJ(
  earth: EarthSegment,
  fromTdbS: number,
  toTdbS: number,
  resolutionS = earth.eclipseResolutionS,
): number {
  return eclipseLossReport(earth, fromTdbS, toTdbS, resolutionS).energyLossJ;
}

/** One eclipse of one satellite: contact times, TDB s. */
export interface EclipseEvent {
  readonly penumbraStartTdbS: number;
  readonly penumbraEndTdbS: number;
  /** Null when the passage only grazes the penumbra. */
  readonly umbraStartTdbS: number | null;
  readonly umbraEndTdbS: number | null;
}

/** Bisection on a sign change of f between a and b, to `toleranceS`. */
function bisectSignChange(f: (t: number) => number, a: number, b: number, toleranceS: number): number {
  const positiveAtA = f(a) > 0;
  return bisect((t) => f(t) > 0 === positiveAtA, a, b, toleranceS);
}

/**
 * The eclipses of one orbit over [fromTdbS, toTdbS]: scanned every `scanStepS` (with the same skipping) and
 * each contact refined by bisection to `toleranceS`. An eclipse cut by the span's ends is clipped to it.
 */
export function findEclipses(
  orbit: OrbitModel,
  fromTdbS: number,
  toTdbS: number,
  scanStepS = 30,
  toleranceS = 0.01,
): EclipseEvent[] {
  checkSpan(fromTdbS, toTdbS, scanStepS);
  const events: EclipseEvent[] = [];
  const memo = new Map<number, SatRec>();
  let open: { penumbraStart: number; umbraStart: number | null; umbraEnd: number | null } | null = null;
  for (let dayStart = fromTdbS; dayStart < toTdbS; dayStart += SECONDS_PER_DAY) {
    const dayEnd = Math.min(toTdbS, dayStart + SECONDS_PER_DAY);
    const day = sunDay(dayStart, dayEnd);
    const at = (t: number): Probe | null => probe(orbit, day, t, memo);
    const first = at(dayStart);
    if (open === null && (first === null || dayIsLit(first))) continue;
    // Signed distance to each shadow boundary, rad (positive outside); a failed propagation counts as lit.
    const penumbraGap = (t: number): number => {
      const p = at(t);
      return p === null ? 1 : p.geometry.separationRad - penumbraReach(p.geometry);
    };
    const umbraGap = (t: number): number => {
      const p = at(t);
      return p === null
        ? 1
        : p.geometry.separationRad - (p.geometry.earthRadiusRad - p.geometry.sunRadiusRad);
    };
    let t = dayStart;
    let previous = first;
    if (
      open === null &&
      dayStart === fromTdbS &&
      previous !== null &&
      shadowFractionOf(previous.geometry) > 0
    ) {
      open = {
        penumbraStart: fromTdbS,
        umbraStart: inUmbra(previous.geometry) ? fromTdbS : null,
        umbraEnd: null,
      };
    }
    while (t < dayEnd) {
      const next = Math.min(
        dayEnd,
        t + (previous !== null && open === null ? Math.max(scanStepS, litForS(previous)) : scanStepS),
      );
      const p = at(next);
      if (p === null || previous === null) {
        t = next;
        previous = p;
        continue;
      }
      const wasIn = shadowFractionOf(previous.geometry) > 0;
      const isIn = shadowFractionOf(p.geometry) > 0;
      const wasUmbra = inUmbra(previous.geometry);
      const isUmbra = inUmbra(p.geometry);
      if (!wasIn && isIn)
        open = {
          penumbraStart: bisectSignChange(penumbraGap, t, next, toleranceS),
          umbraStart: null,
          umbraEnd: null,
        };
      if (open !== null && !wasUmbra && isUmbra)
        open.umbraStart = bisectSignChange(umbraGap, t, next, toleranceS);
      if (open !== null && wasUmbra && !isUmbra)
        open.umbraEnd = bisectSignChange(umbraGap, t, next, toleranceS);
      if (open !== null && wasIn && !isIn) {
        events.push({
          penumbraStartTdbS: open.penumbraStart,
          penumbraEndTdbS: bisectSignChange(penumbraGap, t, next, toleranceS),
          umbraStartTdbS: open.umbraStart,
          umbraEndTdbS: open.umbraEnd,
        });
        open = null;
      }
      t = next;
      previous = p;
    }
  }
  if (open !== null) {
    events.push({
      penumbraStartTdbS: open.penumbraStart,
      penumbraEndTdbS: toTdbS,
      umbraStartTdbS: open.umbraStart,
      umbraEndTdbS: open.umbraStart === null ? null : (open.umbraEnd ?? toTdbS),
    });
  }
  return events;
}
