/**
 * Where the payloads of a lunar mass-driver stream are at a time t, for the scene. Random access: the positions at
 * t depend on t only, never on earlier calls.
 *
 * The packet launched at t - age is at template(age) (lunarStreamTemplate.ts, read by cubic Hermite interpolation
 * between its samples) in the Earth-Moon rotating frame at t (sim/geometry/lunarFrame.ts). Far from the Moon,
 * lengths scale with the Moon's actual geocentric distance d(t) (a pulsating frame, as in the elliptic restricted
 * problem, Szebehely ch. 10); near the Moon they keep their physical size, so the launch point sits on the drawn
 * Moon's south pole whatever d(t) (scaling it too would move the pole by up to (1 - d/L) R_M = 130 km). With rho
 * the payload's position relative to the Moon in the rotating frame, m, and r_H = L (mu / 3)^(1/3) = 61,300 km the
 * Moon's Hill radius, inside which the Moon's gravity rules:
 *   p = E(t) + d e_x + q [rho]_t,   q = d / L + (1 - d / L) / (1 + (|rho| / r_H)^4)
 * (lunarStreamOffsetScale; lunarRotatingFrameAt gives the frame, for a renderer that places the curve itself), with
 * E(t) the Earth's heliocentric position.
 */
import { InputError, requireFinite } from '../errors.ts';
import { lunarRotatingFrameAt, type LunarRotatingFrame } from '../geometry/lunarFrame.ts';
import { hermite } from '../numeric/hermite.ts';
import { countAtOrBelow } from '../numeric/search.ts';
import {
  EARTH_MOON_DISTANCE_M,
  LUNAR_HILL_RADIUS_M,
  type LunarStreamTemplate,
} from './lunarStreamTemplate.ts';

const L = EARTH_MOON_DISTANCE_M;

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

/** Template position at `age` (s, in [0, durationS]) relative to the Moon, rotating frame, m, into out[o..o+2]. */
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

/**
 * Heliocentric ECLIPJ2000 positions, m, of the packets of ages `agesS` (s) in `frame`, xyz interleaved into `out`
 * (length >= 3 agesS.length, unchecked); ages outside [0, template.durationS] give NaN. No allocation.
 */
export function writeLunarStreamPositionsM(
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
  writeLunarStreamPositionsM(template, lunarRotatingFrameAt(tdbS), agesS, out);
}
