/**
 * The eclipse-loss integral from the shadow's geometry (issue 18): the same quantity as eclipseLoss.ts's
 * eclipseLossReport (the grid energy the power satellites lose to the Earth's shadow), computed from each
 * passage's contact times instead of a midpoint sum on a fixed grid, with SGP4/SDP4 evaluated only around the
 * passages. Time TDB s past J2000; satellites in TEME (SGP4's frame), m; the Sun as in eclipseLoss.ts (sunDay).
 *
 * Seasons. A station-kept slot holds its orbit plane, so the Sun's angle beta to it moves only with the Sun's
 * declination, at most 0.41 deg/day (the equinox rate, 360 deg / 365.24 d x sin 23.44 deg = 0.40 deg/day): a day
 * probed with |beta| beyond the penumbra's reach by k x 0.41 deg plus the margins of dayIsLit proves the next k
 * days lit, so a season's edge is found from a few probes, not one a day. Other orbits (user element sets, whose
 * planes precess) are probed every day, as in eclipseLoss.ts.
 *
 * Finding a passage. From the day's start the satellite is followed with lit-proving skips: for a near-circular
 * orbit the Sun-Earth separation seen from the satellite cannot close faster than 1.1 times its angular rate
 * (the rate varies by 2e for e < 1 %; the Sun adds 2e-7 rad/s), so a sample `gap` rad outside the penumbra
 * (less SKIP_MARGIN_RAD) proves the next gap / (1.1 omega + 2e-6) seconds lit; other orbits skip as
 * eclipseLoss.ts does. Where the proven time falls under `scanStepS` (the section's eclipseResolution), the
 * passage's Hermite nodes start, and their sub-samples, at most `scanStepS` apart, are the scan from there: a
 * passage longer than that is always found, as on the old grid.
 *
 * Integrating a passage. From the last lit sample, SGP4 gives position and velocity at nodes NODE_ANGLE_RAD of
 * orbit apart (1200 s at most), until a node is lit after the shadow; between nodes the position is the cubic
 * Hermite interpolant (sim/numeric/hermite.ts, error h^4 |r''''| / 384 = (omega h)^4 r / 384: 6 m at GEO,
 * 2 ms of contact time). An interval whose ends are far enough inside the umbra or outside the penumbra (by
 * the closing-rate bound) is whole shadow or whole light. On the others the contacts (where the separation crosses
 * rhoE + rhoS and rhoE - rhoS) are bracketed by sub-samples at most `scanStepS` apart and located to
 * CONTACT_TOLERANCE_S (Illinois regula falsi); between contacts the hidden fraction is 0, 1, or a smooth penumbral ramp integrated by
 * 8-point Gauss-Legendre. After a passage a near-circular orbit skips to its next possible entry (revisitS).
 *
 * Energy: as eclipseLoss.ts (lit grid power at the middle of the day's shadows, reused for LIT_POWER_REUSE_S while
 * the same satellites serve).
 */
import type { SatRec } from 'satellite.js';

import { SECONDS_PER_DAY } from '../constants.ts';
import { gaussLegendre01 } from '../numeric/gaussLegendre.ts';
import { hermite } from '../numeric/hermite.ts';
import { illinoisRoot } from '../numeric/illinois.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { shadowFractionOf, shadowGeometry, type ShadowGeometry } from './eclipse.ts';
import {
  checkSpan,
  dayIsLit,
  LIT_POWER_REUSE_S,
  litForS,
  penumbraReach,
  probe,
  SKIP_MARGIN_RAD,
  sunAt,
  sunDay,
  type EclipseLossReport,
  type Probe,
  type SunDay,
} from './eclipseLoss.ts';
import { temeAt, type OrbitModel } from './orbitModel.ts';
import type { EarthSegment } from './resolve.ts';
import { litGridPowerW } from './segment.ts';

/** Largest drift of the Sun's angle to a held orbit plane, rad/day (module comment). */
export const BETA_RATE_RAD_PER_DAY = (0.41 * Math.PI) / 180;
/** Orbit angle between Hermite nodes, rad: (omega h)^4 / 384 = 2.6e-7 of the radius at most. */
export const NODE_ANGLE_RAD = 0.1;
/** Longest interval between Hermite nodes, s (GEO: 0.0875 rad, 6 m, 2 ms of contact time). */
export const MAX_NODE_STEP_S = 1200;
/**
 * Contact times are located to this, s. The hidden fraction is continuous at every contact (0 at the penumbra's,
 * 1 at the umbra's), so a contact off by dt moves the integral by O(dt^2 / ramp): 2e-5 s for a 2-minute ramp.
 */
export const CONTACT_TOLERANCE_S = 0.05;
/** Bound on the separation's closing rate over the orbit's angular rate, near-circular orbits (module comment). */
const CLOSING_RATE_FACTOR = 1.1;
/**
 * What else turns the geometry, rad/s: the Sun's apparent motion (2e-7) and the nodal precession of any low orbit
 * (J2: under 1.5e-6, 7 deg/day), with room.
 */
const SLACK_RATE_RAD_S = 2e-6;
const RULE = gaussLegendre01(8);

/** One SGP4 node: time, TEME position (m) and velocity (m/s). */
interface Node {
  readonly tdbS: number;
  readonly r: Vec3;
  readonly v: Vec3;
}

function nodeAt(orbit: OrbitModel, tdbS: number, memo: Map<number, SatRec>): Node | null {
  const result = temeAt(orbit, tdbS, memo);
  if (!result.ok) return null;
  const p = result.pv.position;
  const v = result.pv.velocity;
  return { tdbS, r: [p.x * 1000, p.y * 1000, p.z * 1000], v: [v.x * 1000, v.y * 1000, v.z * 1000] };
}

/** Seconds a sample is proven lit (module comment): tighter than litForS for near-circular orbits. */
function provenLitS(p: Probe): number {
  if (!p.nearCircular) return litForS(p);
  const gap = p.geometry.separationRad - penumbraReach(p.geometry) - SKIP_MARGIN_RAD;
  if (gap <= 0) return 0;
  return gap / (CLOSING_RATE_FACTOR * p.angularRateRadS + SLACK_RATE_RAD_S);
}

/**
 * Seconds from a near-circular orbit's exit from the shadow to its next possible entry: in the orbit plane the
 * shadow spans at most 2 (reach + margin) of angle (the geocentric angle to the anti-Sun direction is at least the
 * in-plane one), so the satellite travels at least 2 pi - 2 (reach + margin) before it is back, at a rate at most
 * 1.1 omega + the slack.
 */
function revisitS(p: Probe): number {
  const around = 2 * Math.PI - 2 * (penumbraReach(p.geometry) + SKIP_MARGIN_RAD);
  return around / (CLOSING_RATE_FACTOR * p.angularRateRadS + SLACK_RATE_RAD_S);
}

/**
 * The shadow integral over one interval between two nodes. `rateRadS` bounds how fast the separation can change
 * (so an interval whose ends are far enough inside or outside is whole umbra or whole light, without sub-samples);
 * `subStepS` is the sub-sampling that brackets the contacts.
 */
function integrateInterval(
  day: SunDay,
  a: Node,
  b: Node,
  rateRadS: number,
  subStepS: number,
): { shadowS: number; shadowedS: number } {
  const h = b.tdbS - a.tdbS;
  if (!(h > 0)) return { shadowS: 0, shadowedS: 0 };
  const position = (t: number): Vec3 => {
    const s = (t - a.tdbS) / h;
    return [
      hermite(a.r[0], a.v[0], b.r[0], b.v[0], h, s),
      hermite(a.r[1], a.v[1], b.r[1], b.v[1], h, s),
      hermite(a.r[2], a.v[2], b.r[2], b.v[2], h, s),
    ];
  };
  const geometryAt = (t: number): ShadowGeometry => shadowGeometry(position(t), sunAt(day, t));
  // signed distances to the penumbra and umbra boundaries, rad (positive outside)
  const penumbraGap = (g: ShadowGeometry): number => g.separationRad - penumbraReach(g);
  const umbraGap = (g: ShadowGeometry): number => g.separationRad - (g.earthRadiusRad - g.sunRadiusRad);
  const ga = shadowGeometry(a.r, sunAt(day, a.tdbS));
  const gb = shadowGeometry(b.r, sunAt(day, b.tdbS));
  // a gap g(t) with |g'| <= R stays above (g(a) + g(b) - R h) / 2 and below (g(a) + g(b) + R h) / 2 on [a, b]
  const swing = rateRadS * h;
  if (penumbraGap(ga) + penumbraGap(gb) - swing > 0) return { shadowS: 0, shadowedS: 0 };
  if (umbraGap(ga) + umbraGap(gb) + swing < 0) return { shadowS: h, shadowedS: h };
  const subSamples = Math.max(2, Math.ceil(h / subStepS));
  const cuts: number[] = [a.tdbS];
  let previous = geometryAt(a.tdbS);
  let tPrevious = a.tdbS;
  for (let k = 1; k <= subSamples; k += 1) {
    const t = k === subSamples ? b.tdbS : a.tdbS + (k * h) / subSamples;
    const g = geometryAt(t);
    for (const gap of [penumbraGap, umbraGap]) {
      const before = gap(previous);
      const after = gap(g);
      if (before > 0 !== after > 0) {
        // the gaps are smooth through a contact: regula falsi (Illinois) needs a few evaluations, not one a bit
        cuts.push(illinoisRoot((x) => gap(geometryAt(x)), tPrevious, t, before, after, CONTACT_TOLERANCE_S));
      }
    }
    previous = g;
    tPrevious = t;
  }
  cuts.push(b.tdbS);
  cuts.sort((x, y) => x - y);
  let shadowS = 0;
  let shadowedS = 0;
  for (let c = 0; c + 1 < cuts.length; c += 1) {
    const lo = cuts[c] as number;
    const hi = cuts[c + 1] as number;
    const width = hi - lo;
    if (!(width > 0)) continue;
    const middle = geometryAt((lo + hi) / 2);
    if (penumbraGap(middle) >= 0) continue;
    shadowedS += width;
    if (umbraGap(middle) <= 0) {
      shadowS += width;
      continue;
    }
    let sum = 0;
    for (let j = 0; j < RULE.nodes.length; j += 1) {
      const t = lo + (RULE.nodes[j] as number) * width;
      sum += (RULE.weights[j] as number) * shadowFractionOf(geometryAt(t));
    }
    shadowS += sum * width;
  }
  return { shadowS, shadowedS };
}

/** One satellite's shadow over [fromTdbS, toTdbS] within a day (module comment). */
export interface PassageIntegral {
  /** Integral of the hidden fraction, s. */
  readonly shadowS: number;
  /** Middle of the shadowed time (NaN if none), TDB s. */
  readonly middleTdbS: number;
  /** SGP4 evaluations spent. */
  readonly propagations: number;
}

/** The shadow integral of one satellite over [fromTdbS, toTdbS] (within `day`), by passages. */
export function integratePassages(
  orbit: OrbitModel,
  day: SunDay,
  fromTdbS: number,
  toTdbS: number,
  scanStepS: number,
  memo: Map<number, SatRec>,
  first: Probe | null = probe(orbit, day, fromTdbS, memo),
): PassageIntegral {
  let propagations = 1;
  if (first === null || dayIsLit(first)) return { shadowS: 0, middleTdbS: NaN, propagations };
  let shadowS = 0;
  let shadowedS = 0;
  let weightedMiddle = 0;
  let t = fromTdbS;
  let litAt = fromTdbS;
  let p: Probe | null = first;
  // the span's end is probed too, so that a passage entered in the last scan step is not missed
  for (;;) {
    if (p !== null && shadowFractionOf(p.geometry) <= 0) {
      litAt = t;
      if (t >= toTdbS) break;
      const lit = provenLitS(p);
      // inside the skip margin the Hermite nodes take over at once: their sub-samples are the scan from here
      if (lit >= scanStepS) {
        t = Math.min(toTdbS, t + lit);
        p = probe(orbit, day, t, memo);
        propagations += 1;
        continue;
      }
    }
    if (p === null) {
      if (t >= toTdbS) break;
      t = Math.min(toTdbS, t + scanStepS);
      p = probe(orbit, day, t, memo);
      propagations += 1;
      continue;
    }
    // in shadow at t, or within the margin of it: nodes from the last lit sample (or the span's start) until a
    // node is lit past t
    const step = Math.min(MAX_NODE_STEP_S, NODE_ANGLE_RAD / Math.max(p.angularRateRadS, 1e-9));
    const rate = (p.nearCircular ? CLOSING_RATE_FACTOR : 2) * p.angularRateRadS + SLACK_RATE_RAD_S;
    const inShadow = p;
    let a = nodeAt(orbit, litAt, memo);
    propagations += 1;
    let end = litAt;
    const shadowedBefore = shadowedS;
    for (;;) {
      const next = Math.min(toTdbS, end + step);
      const b = nodeAt(orbit, next, memo);
      propagations += 1;
      end = next;
      if (a !== null && b !== null) {
        const piece = integrateInterval(day, a, b, rate, Math.min(scanStepS, step / 4));
        shadowS += piece.shadowS;
        shadowedS += piece.shadowedS;
        weightedMiddle += piece.shadowedS * (a.tdbS + b.tdbS) * 0.5;
      }
      a = b;
      if (end >= toTdbS) break;
      if (end > t && b !== null && shadowFractionOf(shadowGeometry(b.r, sunAt(day, end))) <= 0) break;
    }
    if (end >= toTdbS) break;
    // after a shadow, its exit lies after the node before `end`: no entry before that node + revisitS; without
    // one (a near miss in the margin) the scan goes on from `end`
    const seen = shadowedS > shadowedBefore;
    const resume = seen && inShadow.nearCircular ? Math.max(end, end - step + revisitS(inShadow)) : end;
    if (resume > toTdbS) break;
    t = resume;
    p = probe(orbit, day, t, memo);
    propagations += 1;
  }
  return { shadowS, middleTdbS: shadowedS > 0 ? weightedMiddle / shadowedS : NaN, propagations };
}

/** Eclipse losses of every satellite over [fromTdbS, toTdbS], by passages (see the module comment). */
export function eclipseLossByPassages(
  earth: EarthSegment,
  fromTdbS: number,
  toTdbS: number,
  scanStepS = earth.eclipseResolutionS,
): EclipseLossReport & { readonly propagations: number } {
  checkSpan(fromTdbS, toTdbS, scanStepS);
  const totals = earth.satellites.map((sat) => ({
    name: sat.name,
    shadowS: 0,
    eclipseDays: 0,
    energyLossJ: 0,
  }));
  const memos = earth.satellites.map(() => new Map<number, SatRec>());
  /** Per satellite: the time before which it is proven lit by the season rule. */
  const litUntil = earth.satellites.map(() => -Infinity);
  let propagations = 0;
  let lit: { tdbS: number; inService: string; powersW: number[] } | null = null;
  for (let dayStart = fromTdbS; dayStart < toTdbS; dayStart += SECONDS_PER_DAY) {
    const dayEnd = Math.min(toTdbS, dayStart + SECONDS_PER_DAY);
    let day: SunDay | null = null;
    const shadowed: { index: number; shadowS: number; middleTdbS: number }[] = [];
    earth.satellites.forEach((sat, index) => {
      const from = Math.max(dayStart, sat.inServiceTdbS);
      const to = Math.min(dayEnd, sat.retireTdbS);
      if (!(to > from) || to <= (litUntil[index] as number)) return;
      day ??= sunDay(dayStart, dayEnd);
      const memo = memos[index] as Map<number, SatRec>;
      const first = probe(sat.orbit, day, from, memo);
      if (first !== null && sat.orbit.kind === 'station-kept' && dayIsLit(first)) {
        const spare =
          Math.abs(Math.asin(first.sinBeta)) - penumbraReach(first.geometry) - 2 * SKIP_MARGIN_RAD;
        const days = Math.floor(spare / BETA_RATE_RAD_PER_DAY);
        if (days >= 1) litUntil[index] = from + days * SECONDS_PER_DAY;
      }
      const integral = integratePassages(sat.orbit, day, from, to, scanStepS, memo, first);
      propagations += integral.propagations;
      if (integral.shadowS > 0) shadowed.push({ index, ...integral });
    });
    if (shadowed.length === 0) continue;
    const mid = shadowed.reduce((sum, s) => sum + s.middleTdbS, 0) / shadowed.length;
    const inService = earth.satellites
      .map((sat) => (mid >= sat.inServiceTdbS && mid < sat.retireTdbS ? '1' : '0'))
      .join('');
    if (lit === null || mid - lit.tdbS > LIT_POWER_REUSE_S || lit.inService !== inService) {
      lit = { tdbS: mid, inService, powersW: litGridPowerW(earth, mid) };
    }
    for (const { index, shadowS } of shadowed) {
      const total = totals[index] as (typeof totals)[number];
      total.shadowS += shadowS;
      total.eclipseDays += 1;
      total.energyLossJ += shadowS * (lit.powersW[index] ?? 0);
    }
  }
  return {
    fromTdbS,
    toTdbS,
    resolutionS: scanStepS,
    energyLossJ: totals.reduce((sum, t) => sum + t.energyLossJ, 0),
    perSatellite: totals,
    propagations,
  };
}

/** Grid energy lost to eclipses over [fromTdbS, toTdbS], J, by passages (the run's figure). */
export function eclipseEnergyLossByPassagesJ(earth: EarthSegment, fromTdbS: number, toTdbS: number): number {
  return eclipseLossByPassages(earth, fromTdbS, toTdbS).energyLossJ;
}
