/**
 * The path of a payload thrown off the Moon by a mass driver, in the Earth-Moon rotating frame: one curve per launch
 * speed, which every payload of that speed follows (lunarStreamPositions.ts places it at a time t).
 *
 * Launch (a choice of this model; the growth model treats the departure as a patched conic with hyperbolic
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
 * Dormand-Prince 5(4) pair (sim/numeric/dopri5.ts: Dormand & Prince 1980, step control of Hairer, Norsett & Wanner
 * 1993, sec. II.4) at a tolerance of 1e-13, until the payload leaves the Earth's Hill sphere (escapes), falls back
 * onto the Moon or the Earth, or reaches a maximum age (120 days by default). Its samples (age, position, velocity)
 * are read back by cubic Hermite interpolation, whose error at these step sizes is far below a metre.
 *
 * Neglected: the Sun (its tide equals the Earth's pull at the Hill radius, by the definition of that radius, so the
 * outer part of the curve is indicative only), the eccentricity of the lunar orbit (0.055) in the dynamics, and
 * the Moon's 6.7 deg obliquity to its orbit (the modelled pole is on the orbit normal, about 200 km from the real
 * one).
 */
import {
  AU_M,
  EARTH_EQUATORIAL_RADIUS_M,
  GM_EARTH_M3_S2,
  GM_SUN_M3_S2,
  SECONDS_PER_DAY,
} from '../constants.ts';
import { InputError, requireFinite } from '../errors.ts';
import { dopri5 } from '../numeric/dopri5.ts';
import { MOON_GM_M3_S2, MOON_MEAN_RADIUS_M } from './bodies.ts';

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
