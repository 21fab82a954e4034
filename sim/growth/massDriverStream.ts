/**
 * Mass-driver streams leaving the Moon: where the collector payloads thrown off by a lunar mass driver are at any
 * time t, for the scene. Random access: the positions at t depend on t only, never on earlier calls.
 *
 * Launch (a choice of this module; the growth model treats the departure as a patched conic with hyperbolic
 * excess sqrt(v_L^2 - v_esc^2), see transfer.ts): the driver stands at the lunar south pole and throws its payloads
 * horizontally, in the direction of the Moon's orbital motion (prograde), at launchSpeedMS relative to the
 * surface. The pole is on the spin axis, so the ground there does not move in a non-rotating frame: the launch
 * speed is also the speed relative to the Moon's centre, and the two-body escape condition
 * v_L > sqrt(2 GM_moon / R_moon) = 2375.7 m/s applies as is.
 *
 * Dynamics: the circular restricted three-body problem of the Earth and the Moon (CR3BP; Szebehely, "Theory of
 * Orbits", 1967, ch. 1 and 4), non-dimensional: unit length the mean Earth-Moon distance L = 384,400 km (NASA Moon
 * fact sheet), unit time 1/n with n = sqrt((GM_E + GM_M) / L^3), mass ratio mu = GM_M / (GM_E + GM_M) = 0.01215.
 * In the frame rotating at n about the barycentre (Earth at (-mu, 0, 0), Moon at (1 - mu, 0, 0), z along the
 * orbital angular momentum):
 *   x'' - 2 y' = dU/dx,   y'' + 2 x' = dU/dy,   z'' = dU/dz,   U = (x^2 + y^2) / 2 + (1 - mu) / r1 + mu / r2,
 * and the Jacobi constant C = 2 U - |v|^2 is conserved (Szebehely sec. 4.2). The Moon is tidally locked, so the
 * launch point (1 - mu, 0, -R_M / L) and velocity (0, v_L / (L n), 0) are fixed in this frame: every payload follows
 * the same curve in it, launched at a different time. The curve is integrated once per launch speed with the
 * Dormand-Prince 5(4) pair (Dormand & Prince 1980, J. Comput. Appl. Math. 6:19-26) under the step control of Hairer,
 * Norsett & Wanner ("Solving Ordinary Differential Equations I", 2nd ed., 1993, sec. II.4) at a tolerance of 1e-13,
 * until the payload leaves the Earth's Hill sphere (escapes), falls back onto the Moon or the Earth, or reaches a
 * maximum age (120 days by default). Its samples (age, position, velocity) are read back by cubic Hermite
 * interpolation, whose error at these step sizes is far below a metre.
 *
 * Neglected: the Sun (its tide equals the Earth's pull at the Hill radius, by the definition of that radius, so the
 * outer part of the curve is indicative only), the eccentricity of the lunar orbit (0.055) in the dynamics, and
 * the Moon's 6.7 deg obliquity to its orbit (the modelled pole is on the orbit normal, about 200 km from the real
 * one).
 *
 * Placement at t (lunarStreamPositionsM): the packet launched at t - age is at template(age) in the rotating frame
 * at t. That frame comes from the Moon's geocentric state from astronomy-engine (GeoMoon, GeoMoonState; EQJ rotated
 * to ECLIPJ2000 as sim/orbit/frames.ts does; TT from sim/time.ts, as src/app/scene/ephemeris.ts does): e_x along
 * Earth -> Moon, e_z along r x v, e_y = e_z x e_x. Far from the Moon, lengths scale with the Moon's actual geocentric
 * distance d(t) (a pulsating frame, as in the elliptic restricted problem, Szebehely ch. 10); near the Moon they
 * keep their physical size, so the launch point sits on the drawn Moon's south pole whatever d(t) (scaling it too
 * would move the pole by up to (1 - d/L) R_M = 130 km). With rho the payload's position relative to the Moon in
 * the rotating frame, m, and r_H = L (mu / 3)^(1/3) = 61,300 km the Moon's Hill radius, inside which the Moon's
 * gravity rules:
 *   p = E(t) + d e_x + q [rho]_t,   q = d / L + (1 - d / L) / (1 + (|rho| / r_H)^4).
 * (lunarStreamOffsetScale; lunarRotatingFrameAt gives the frame, for a renderer that places the curve itself.)
 * E(t) is the Earth's heliocentric position from the same AstroTime (astronomy-engine HelioVector, VSOP87), as
 * sim/propagate/reduce.ts earthHeliocentricEclipticM gives it.
 *
 * Brightness: each packet carries the site's launch rate at its launch time, from the growth history
 * (siteLaunchRateKgPerS: the slope of the site's cumulative launched mass between the samples around t).
 */
import { AstroTime, Body, GeoMoon, GeoMoonState, HelioVector } from 'astronomy-engine';
import {
  AU_M,
  EARTH_EQUATORIAL_RADIUS_M,
  GM_EARTH_M3_S2,
  GM_SUN_M3_S2,
  SECONDS_PER_DAY,
} from '../constants.ts';
import { InputError, requireFinite } from '../errors.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import { dopri5 } from '../numeric/dopri5.ts';
import { hermite } from '../numeric/hermite.ts';
import { piecewiseLinearSlope, piecewiseLinearValue } from '../numeric/piecewiseLinear.ts';
import { countAtOrBelow } from '../numeric/search.ts';
import { tdbSToTtS } from '../time.ts';
import { MOON_GM_M3_S2, MOON_MEAN_RADIUS_M } from './bodies.ts';
import type { GrowthHistory } from './integrate.ts';
import { PATH } from './layout.ts';

/** Mean Earth-Moon distance, m: the CR3BP length unit (NASA Moon fact sheet, semi-major axis 384,400 km). */
export const EARTH_MOON_DISTANCE_M = 3.844e8;
/** CR3BP mass ratio mu = GM_moon / (GM_earth + GM_moon), dimensionless (0.012150). */
export const EARTH_MOON_MASS_RATIO = MOON_GM_M3_S2 / (GM_EARTH_M3_S2 + MOON_GM_M3_S2);
/** Mean motion of the circular Earth-Moon problem, rad/s: sqrt((GM_E + GM_M) / L^3) (2.6653e-6; 27.29 days). */
export const EARTH_MOON_MEAN_MOTION_RAD_S = Math.sqrt(
  (GM_EARTH_M3_S2 + MOON_GM_M3_S2) / EARTH_MOON_DISTANCE_M ** 3,
);
/** Escape speed from the Moon's surface, sqrt(2 GM_M / R_M), m/s (2375.7). */
export const LUNAR_ESCAPE_SPEED_MS = Math.sqrt((2 * MOON_GM_M3_S2) / MOON_MEAN_RADIUS_M);
/**
 * Radius of the Earth's Hill sphere, m: a (GM_E / (3 GM_sun))^(1/3) with a = 1 au (Hill 1878; Murray & Dermott,
 * "Solar System Dynamics", 1999, ch. 3): 1.4966e9 m, about 1.5 million km. Beyond it the Sun, not the Earth,
 * governs the payload's motion; the default exit radius of the template.
 */
export const EARTH_HILL_RADIUS_M = AU_M * Math.cbrt(GM_EARTH_M3_S2 / (3 * GM_SUN_M3_S2));
/** Radius of the Moon's Hill sphere in the Earth-Moon problem, L (mu / 3)^(1/3), m (6.13e7). */
export const LUNAR_HILL_RADIUS_M = EARTH_MOON_DISTANCE_M * Math.cbrt(EARTH_MOON_MASS_RATIO / 3);
/** Default maximum age of a template, s: 120 days. */
export const DEFAULT_STREAM_MAX_AGE_S = 120 * SECONDS_PER_DAY;

/** Why the integration of a template stopped. */
export type LunarStreamEnd = 'exit' | 'max-age' | 'moon-impact' | 'earth-impact';

/**
 * The path of one payload in the Earth-Moon rotating frame, from launch (age 0) to its end: samples at the
 * integrator's steps, read with cubic Hermite interpolation. Frame: origin at the Moon's centre, x from the Earth
 * to the Moon, z along the Moon's orbital angular momentum, y = z x x (the direction of the Moon's motion); the
 * frame rotates at EARTH_MOON_MEAN_MOTION_RAD_S and lengths are at the mean distance EARTH_MOON_DISTANCE_M.
 * Immutable.
 */
export interface LunarStreamTemplate {
  /** Launch speed relative to the lunar surface, m/s. */
  readonly launchSpeedMS: number;
  /** Age of the last sample, s. */
  readonly durationS: number;
  /** Whether the payload left the exit radius (the Earth's Hill sphere by default) within the maximum age. */
  readonly escapes: boolean;
  readonly end: LunarStreamEnd;
  /** Distance from the Earth's centre at which the payload counts as gone, m. */
  readonly exitRadiusM: number;
  readonly sampleCount: number;
  /** Sample ages, s, increasing from 0 to durationS. */
  readonly agesS: Float64Array;
  /** Position relative to the Moon in the rotating frame, m, xyz interleaved. */
  readonly positionsM: Float64Array;
  /** Velocity relative to the rotating frame, m/s, xyz interleaved. */
  readonly velocitiesMS: Float64Array;
}

export interface LunarStreamOptions {
  /** Distance from the Earth's centre where the template ends, m; default EARTH_HILL_RADIUS_M. */
  readonly exitRadiusM?: number;
  /** Longest age integrated, s; default DEFAULT_STREAM_MAX_AGE_S (120 days). */
  readonly maxAgeS?: number;
}

// --- CR3BP integration (non-dimensional) ---------------------------------------------------------------------

const MU = EARTH_MOON_MASS_RATIO;
const L = EARTH_MOON_DISTANCE_M;
const N = EARTH_MOON_MEAN_MOTION_RAD_S;
/** Relative and absolute tolerance of the Dormand-Prince steps (non-dimensional state). */
const TOLERANCE = 1e-13;
const MAX_STEPS = 200_000;

/** d/dt of the state (x, y, z, vx, vy, vz) in the rotating frame, non-dimensional (equations in the header). */
function cr3bpDerivative(s: Float64Array, out: Float64Array): void {
  const x = s[0] as number;
  const y = s[1] as number;
  const z = s[2] as number;
  const vx = s[3] as number;
  const vy = s[4] as number;
  const dx1 = x + MU;
  const dx2 = x - 1 + MU;
  const yz = y * y + z * z;
  const r1sq = dx1 * dx1 + yz;
  const r2sq = dx2 * dx2 + yz;
  const k1 = (1 - MU) / (r1sq * Math.sqrt(r1sq));
  const k2 = MU / (r2sq * Math.sqrt(r2sq));
  out[0] = vx;
  out[1] = vy;
  out[2] = s[5] as number;
  out[3] = 2 * vy + x - k1 * dx1 - k2 * dx2;
  out[4] = -2 * vx + y - (k1 + k2) * y;
  out[5] = -(k1 + k2) * z;
}

/** Event functions of a state (non-dimensional); each fires when it crosses from < 0 to >= 0. */
function eventValues(s: Float64Array, exitRadius: number, out: Float64Array): void {
  const x = s[0] as number;
  const yz = (s[1] as number) ** 2 + (s[2] as number) ** 2;
  const r1 = Math.sqrt((x + MU) ** 2 + yz);
  const r2 = Math.sqrt((x - 1 + MU) ** 2 + yz);
  out[0] = r1 - exitRadius;
  out[1] = MOON_MEAN_RADIUS_M / L - r2;
  out[2] = EARTH_EQUATORIAL_RADIUS_M / L - r1;
}
const EVENT_ENDS: readonly LunarStreamEnd[] = ['exit', 'moon-impact', 'earth-impact'];

/**
 * The path of a payload thrown prograde and horizontally from the lunar south pole at `launchSpeedMS` (m/s,
 * relative to the surface), integrated in the Earth-Moon CR3BP (see the module comment) until it leaves
 * `exitRadiusM` from the Earth (default: the Earth's Hill sphere), hits the Moon or the Earth, or reaches `maxAgeS`
 * (default 120 days). Throws InputError naming launchSpeedMS at or below lunar escape speed (2375.7 m/s), and
 * naming the option for a bad exit radius or maximum age. Deterministic; a few ms.
 */
export function lunarStreamTemplate(
  launchSpeedMS: number,
  options: LunarStreamOptions = {},
): LunarStreamTemplate {
  requireFinite(launchSpeedMS, 'launchSpeedMS');
  if (!(launchSpeedMS > LUNAR_ESCAPE_SPEED_MS)) {
    throw new InputError(
      `must exceed the Moon's surface escape speed (${LUNAR_ESCAPE_SPEED_MS.toFixed(1)} m/s), got ${launchSpeedMS}`,
      'launchSpeedMS',
    );
  }
  const exitRadiusM = options.exitRadiusM ?? EARTH_HILL_RADIUS_M;
  const minExitM = Math.hypot(L, MOON_MEAN_RADIUS_M);
  if (!(Number.isFinite(exitRadiusM) && exitRadiusM > minExitM)) {
    throw new InputError(
      `must be a finite distance from the Earth beyond the launch point (${minExitM} m), got ${exitRadiusM}`,
      'exitRadiusM',
    );
  }
  const maxAgeS = options.maxAgeS ?? DEFAULT_STREAM_MAX_AGE_S;
  if (!(Number.isFinite(maxAgeS) && maxAgeS > 0)) {
    throw new InputError(`must be a finite number > 0 s, got ${maxAgeS}`, 'maxAgeS');
  }

  const exitRadius = exitRadiusM / L;
  const solution = dopri5(
    (_t, state, out) => cr3bpDerivative(state, out),
    0,
    [1 - MU, 0, -MOON_MEAN_RADIUS_M / L, 0, launchSpeedMS / (L * N), 0],
    maxAgeS * N,
    {
      tolerance: TOLERANCE,
      // First step: a small fraction of the surface time scale R / v (about 670 s = 1.8e-3 time units).
      initialStep: 1e-3 * (MOON_MEAN_RADIUS_M / launchSpeedMS) * N,
      maxSteps: MAX_STEPS,
      events: { count: 3, values: (_t, state, out) => eventValues(state, exitRadius, out) },
    },
  );
  const end: LunarStreamEnd = solution.event < 0 ? 'max-age' : (EVENT_ENDS[solution.event] ?? 'exit');
  const ages = solution.times;
  const states = solution.states;
  const count = ages.length;
  const agesS = new Float64Array(count);
  const positionsM = new Float64Array(3 * count);
  const velocitiesMS = new Float64Array(3 * count);
  const vScale = L * N;
  for (let k = 0; k < count; k += 1) {
    agesS[k] = (ages[k] as number) / N;
    const o = 6 * k;
    positionsM[3 * k] = ((states[o] as number) - (1 - MU)) * L;
    positionsM[3 * k + 1] = (states[o + 1] as number) * L;
    positionsM[3 * k + 2] = (states[o + 2] as number) * L;
    velocitiesMS[3 * k] = (states[o + 3] as number) * vScale;
    velocitiesMS[3 * k + 1] = (states[o + 4] as number) * vScale;
    velocitiesMS[3 * k + 2] = (states[o + 5] as number) * vScale;
  }
  return {
    launchSpeedMS,
    durationS: agesS[count - 1] as number,
    escapes: end === 'exit',
    end,
    exitRadiusM,
    sampleCount: count,
    agesS,
    positionsM,
    velocitiesMS,
  };
}

// --- Placement in the scene frame ----------------------------------------------------------------------------

/**
 * The Earth-Moon rotating frame at one instant, from astronomy-engine, in ECLIPJ2000 (see the module comment).
 * Immutable; a fresh object per call.
 */
export interface LunarRotatingFrame {
  readonly tdbS: number;
  /** The Earth's heliocentric position, m. */
  readonly earthM: Vec3;
  /** The Moon's geocentric position, m, and its length. */
  readonly moonGeocentricM: Vec3;
  readonly moonDistanceM: number;
  /** Unit vectors: Earth -> Moon; e_z x e_x; the Moon's orbital pole (r x v). */
  readonly ex: Vec3;
  readonly ey: Vec3;
  readonly ez: Vec3;
}

/**
 * The rotating frame at tdbS (TDB seconds past J2000): Earth and Moon from astronomy-engine (HelioVector, GeoMoon,
 * GeoMoonState's velocity for the pole) at the TT of tdbS, rotated from EQJ to ECLIPJ2000. Random access; about
 * 0.1 ms (three lunar series evaluations).
 */
export function lunarRotatingFrameAt(tdbS: number): LunarRotatingFrame {
  requireFinite(tdbS, 'tdbS');
  // TT days past J2000, as src/app/scene/ephemeris.ts astroTime and sim/earth/frames.ts astroTimeOf.
  const time = AstroTime.FromTerrestrialTime(tdbSToTtS(tdbS) / SECONDS_PER_DAY);
  const e = HelioVector(Body.Earth, time);
  const m = GeoMoon(time);
  const v = GeoMoonState(time);
  const earthM = equatorialToEcliptic([e.x * AU_M, e.y * AU_M, e.z * AU_M]);
  const r = equatorialToEcliptic([m.x * AU_M, m.y * AU_M, m.z * AU_M]);
  // Velocity in au/day: only its direction matters here.
  const w = equatorialToEcliptic([v.vx, v.vy, v.vz]);
  const moonDistanceM = Math.hypot(r[0], r[1], r[2]);
  const ex: Vec3 = [r[0] / moonDistanceM, r[1] / moonDistanceM, r[2] / moonDistanceM];
  const hx = r[1] * w[2] - r[2] * w[1];
  const hy = r[2] * w[0] - r[0] * w[2];
  const hz = r[0] * w[1] - r[1] * w[0];
  const hn = Math.hypot(hx, hy, hz);
  const ez: Vec3 = [hx / hn, hy / hn, hz / hn];
  const ey: Vec3 = [
    ez[1] * ex[2] - ez[2] * ex[1],
    ez[2] * ex[0] - ez[0] * ex[2],
    ez[0] * ex[1] - ez[1] * ex[0],
  ];
  return { tdbS, earthM, moonGeocentricM: r, moonDistanceM, ex, ey, ez };
}

/**
 * Factor q that turns a template offset from the Moon (m, at the mean distance) into the offset drawn when the Moon
 * is `moonDistanceM` from the Earth: q = d/L + (1 - d/L) / (1 + (|rho| / r_H)^4), 1 near the Moon (physical size),
 * d/L far from it (the pulsating frame). See the module comment.
 */
export function lunarStreamOffsetScale(moonOffsetM: number, moonDistanceM: number): number {
  const ratio = moonDistanceM / L;
  const u = moonOffsetM / LUNAR_HILL_RADIUS_M;
  const u2 = u * u;
  return ratio + (1 - ratio) / (1 + u2 * u2);
}

/** Index k of the template interval [ages[k], ages[k + 1]] that holds `age` (age within [0, durationS]). */
function intervalOf(ages: Float64Array, age: number): number {
  return Math.min(Math.max(countAtOrBelow(ages, age) - 1, 0), ages.length - 2);
}

/** Template position at `age` (s, within [0, durationS]) relative to the Moon, rotating frame, m, into out[o..o+2]. */
function interpolate(template: LunarStreamTemplate, age: number, out: Float64Array, o: number): void {
  const ages = template.agesS;
  const p = template.positionsM;
  const v = template.velocitiesMS;
  if (template.sampleCount < 2) {
    out[o] = p[0] as number;
    out[o + 1] = p[1] as number;
    out[o + 2] = p[2] as number;
    return;
  }
  const k = intervalOf(ages, age);
  const a0 = ages[k] as number;
  const h = (ages[k + 1] as number) - a0;
  const s = h > 0 ? (age - a0) / h : 0;
  for (let c = 0; c < 3; c += 1) {
    const i = 3 * k + c;
    out[o + c] = hermite(p[i] as number, v[i] as number, p[i + 3] as number, v[i + 3] as number, h, s);
  }
}

/**
 * Template positions at `agesS` (s), relative to the Moon's centre in the rotating frame of LunarStreamTemplate,
 * m, xyz interleaved into `out` (length >= 3 agesS.length), by cubic Hermite interpolation between the samples.
 * Ages outside [0, template.durationS] give NaN.
 */
export function lunarStreamRotatingPositionsM(
  template: LunarStreamTemplate,
  agesS: ArrayLike<number>,
  out: Float64Array,
): void {
  checkOut(out, agesS.length);
  for (let j = 0; j < agesS.length; j += 1) {
    const age = agesS[j] as number;
    if (age >= 0 && age <= template.durationS) interpolate(template, age, out, 3 * j);
    else out.fill(NaN, 3 * j, 3 * j + 3);
  }
}

function checkOut(out: Float64Array, count: number): void {
  if (out.length < 3 * count) {
    throw new InputError(`must hold 3 x ${count} numbers, got length ${out.length}`, 'out');
  }
}

const _rho = new Float64Array(3);

function writePositions(
  template: LunarStreamTemplate,
  frame: LunarRotatingFrame,
  agesS: ArrayLike<number>,
  out: Float64Array,
): void {
  const { earthM, moonDistanceM: distanceM, ex, ey, ez } = frame;
  const cx = earthM[0] + distanceM * ex[0];
  const cy = earthM[1] + distanceM * ex[1];
  const cz = earthM[2] + distanceM * ex[2];
  for (let j = 0; j < agesS.length; j += 1) {
    const age = agesS[j] as number;
    if (!(age >= 0 && age <= template.durationS)) {
      out.fill(NaN, 3 * j, 3 * j + 3);
      continue;
    }
    interpolate(template, age, _rho, 0);
    const rx = _rho[0] as number;
    const ry = _rho[1] as number;
    const rz = _rho[2] as number;
    const q = lunarStreamOffsetScale(Math.hypot(rx, ry, rz), distanceM);
    out[3 * j] = cx + q * (rx * ex[0] + ry * ey[0] + rz * ez[0]);
    out[3 * j + 1] = cy + q * (rx * ex[1] + ry * ey[1] + rz * ez[1]);
    out[3 * j + 2] = cz + q * (rx * ex[2] + ry * ey[2] + rz * ez[2]);
  }
}

/**
 * Heliocentric ECLIPJ2000 positions, m, xyz interleaved into `out` (length >= 3 agesS.length), of the packets
 * launched at tdbS - agesS[k] (TDB seconds past J2000; ages in s). Ages outside [0, template.durationS] give NaN.
 * Random access: depends on tdbS and the ages only.
 */
export function lunarStreamPositionsM(
  template: LunarStreamTemplate,
  tdbS: number,
  agesS: ArrayLike<number>,
  out: Float64Array,
): void {
  requireFinite(tdbS, 'tdbS');
  checkOut(out, agesS.length);
  writePositions(template, lunarRotatingFrameAt(tdbS), agesS, out);
}

// --- Launch rates from the growth history --------------------------------------------------------------------

function checkSiteIndex(history: GrowthHistory, siteIndex: number): void {
  if (!(Number.isInteger(siteIndex) && siteIndex >= 0 && siteIndex < history.layout.siteCount)) {
    throw new InputError(
      `must be an integer in [0, ${history.layout.siteCount - 1}], got ${siteIndex}`,
      'siteIndex',
    );
  }
}

/** State offsets of the launchedKg slots of one site's paths. */
function launchedSlots(history: GrowthHistory, siteIndex: number): number[] {
  const slots: number[] = [];
  const layout = history.layout;
  for (let p = 0; p < layout.pathCount; p += 1) {
    if (layout.pathSite[p] === siteIndex) slots.push(layout.pathOffset(p) + PATH.launchedKg);
  }
  return slots;
}

/** The site's cumulative launched mass at every sample, kg (sum over its paths). */
function cumulativeLaunchedKg(history: GrowthHistory, siteIndex: number): Float64Array {
  const slots = launchedSlots(history, siteIndex);
  const size = history.layout.size;
  const out = new Float64Array(history.sampleCount);
  for (let i = 0; i < history.sampleCount; i += 1) {
    let sum = 0;
    for (const slot of slots) sum += history.states[i * size + slot] as number;
    out[i] = sum;
  }
  return out;
}

/**
 * Launch rate of site `siteIndex` at tdbS (TDB seconds past J2000), kg/s: the slope of the site's cumulative
 * launched mass (the sum of PATH.launchedKg over its paths) between the history samples around tdbS. The cumulative
 * mass is read as piecewise linear, so the rate is piecewise constant and its integral over the span is exactly the
 * mass launched. Right-continuous at the samples; 0 outside the history's span.
 */
export function siteLaunchRateKgPerS(history: GrowthHistory, siteIndex: number, tdbS: number): number {
  checkSiteIndex(history, siteIndex);
  requireFinite(tdbS, 'tdbS');
  const slots = launchedSlots(history, siteIndex);
  const size = history.layout.size;
  const cumulative = (i: number): number => {
    let sum = 0;
    for (const slot of slots) sum += history.states[i * size + slot] as number;
    return sum;
  };
  return piecewiseLinearSlope(history.timesTdbS, history.sampleCount, cumulative, tdbS);
}

// --- Streams of a world ----------------------------------------------------------------------------------------

/** One lunar site's stream at one instant. SI units; fresh arrays, owned by the caller. */
export interface MassDriverStreamState {
  readonly site: string;
  readonly siteIndex: number;
  /** The site's launch rate at t, kg/s. */
  readonly launchRateKgPerS: number;
  /** Packet ages, s, evenly spaced over [0, durationS] of the site's template. */
  readonly agesS: Float64Array;
  /** Packet positions, heliocentric ECLIPJ2000, m, xyz interleaved. */
  readonly positionsM: Float64Array;
  /** The site's launch rate at each packet's launch time t - age, kg/s (0: no packet). */
  readonly packetRateKgPerS: Float64Array;
}

export interface MassDriverStreams {
  /** Names of the lunar sites (body 'moon'), in site order. */
  readonly sites: readonly string[];
  /** The lunar sites with their index among the growth model's sites and their stream's template. */
  readonly lunarSites: ReadonlyArray<{
    readonly name: string;
    readonly siteIndex: number;
    readonly template: LunarStreamTemplate;
  }>;
  /**
   * The streams at tdbS (TDB seconds past J2000), `packetsPerStream` packets each (integer >= 1): one per lunar
   * site that is launching at tdbS or launched anything in [tdbS - durationS, tdbS]. Pure and random access.
   */
  streamsAt(tdbS: number, packetsPerStream: number): MassDriverStreamState[];
}

interface LunarSite {
  readonly name: string;
  readonly index: number;
  readonly template: LunarStreamTemplate;
  readonly cumulativeKg: Float64Array;
}

/**
 * The mass-driver streams of a growth history: one template per lunar site (sites with `body: 'moon'`; the same
 * launch speed shares one), built once. Throws InputError naming the site's launch speed when it does not exceed
 * lunar escape (a site may override its escape speed in the scenario; the stream is always the Moon's).
 */
export function createMassDriverStreams(
  history: GrowthHistory,
  options: LunarStreamOptions = {},
): MassDriverStreams {
  const templates = new Map<number, LunarStreamTemplate>();
  const sites: LunarSite[] = [];
  history.params.sites.forEach((site, index) => {
    if (site.body !== 'moon') return;
    const speed = site.massDriver.launchSpeedMS;
    let template = templates.get(speed);
    if (template === undefined) {
      try {
        template = lunarStreamTemplate(speed, options);
      } catch (error) {
        if (error instanceof InputError && error.field === 'launchSpeedMS') {
          throw new InputError(
            `${speed / 1000} km/s does not escape the Moon (${(LUNAR_ESCAPE_SPEED_MS / 1000).toFixed(4)} km/s)`,
            `growth.sites[${index}].massDriver.launchSpeedKmS`,
          );
        }
        throw error;
      }
      templates.set(speed, template);
    }
    sites.push({ name: site.name, index, template, cumulativeKg: cumulativeLaunchedKg(history, index) });
  });
  const times = history.timesTdbS;
  const count = history.sampleCount;

  const streamsAt = (tdbS: number, packetsPerStream: number): MassDriverStreamState[] => {
    requireFinite(tdbS, 'tdbS');
    if (!(Number.isInteger(packetsPerStream) && packetsPerStream >= 1)) {
      throw new InputError(`must be an integer >= 1, got ${packetsPerStream}`, 'packetsPerStream');
    }
    const states: MassDriverStreamState[] = [];
    let frame: LunarRotatingFrame | undefined;
    for (const site of sites) {
      const { template, cumulativeKg } = site;
      const duration = template.durationS;
      const cumulative = (i: number): number => cumulativeKg[i] as number;
      const launchRateKgPerS = piecewiseLinearSlope(times, count, cumulative, tdbS);
      const launchedInWindowKg =
        piecewiseLinearValue(times, count, cumulativeKg, tdbS) -
        piecewiseLinearValue(times, count, cumulativeKg, tdbS - duration);
      // A stream exists while something launched in [t - durationS, t] is still in flight, or is leaving now.
      if (!(launchedInWindowKg > 0 || launchRateKgPerS > 0)) continue;
      frame ??= lunarRotatingFrameAt(tdbS);
      const agesS = new Float64Array(packetsPerStream);
      const packetRateKgPerS = new Float64Array(packetsPerStream);
      const spacing = packetsPerStream > 1 ? duration / (packetsPerStream - 1) : 0;
      for (let k = 0; k < packetsPerStream; k += 1) {
        // The last age is durationS exactly, whatever the rounding of k * spacing.
        const age = k === packetsPerStream - 1 && k > 0 ? duration : k * spacing;
        agesS[k] = age;
        packetRateKgPerS[k] = piecewiseLinearSlope(times, count, cumulative, tdbS - age);
      }
      const positionsM = new Float64Array(3 * packetsPerStream);
      writePositions(template, frame, agesS, positionsM);
      states.push({
        site: site.name,
        siteIndex: site.index,
        launchRateKgPerS,
        agesS,
        positionsM,
        packetRateKgPerS,
      });
    }
    return states;
  };

  return {
    sites: sites.map((site) => site.name),
    lunarSites: sites.map((site) => ({ name: site.name, siteIndex: site.index, template: site.template })),
    streamsAt,
  };
}
