/**
 * The Moon's drawn orbit (src/app/scene/ephemeris.ts moonOrbitPath): the osculating ellipse of astronomy-engine's
 * lunar state. Checked against the Moon itself: it passes through the Moon at the drawn instant, and over the
 * following days the real Moon (astronomy-engine's full series) stays near it, within the solar perturbation.
 */
import { GeoMoon } from 'astronomy-engine';
import { describe, expect, test } from 'vitest';
import { isoToTdbS } from '../../sim/index.ts';
import { OBLIQUITY_J2000_RAD, SECONDS_PER_DAY, AU_M } from '../../sim/constants.ts';
import { astroTimeOf } from '../../sim/geometry/astroTime.ts';
import { moonOrbitPath } from '../../src/app/scene/ephemeris.ts';

const SAMPLES = 3600;
/** Closure of the path, Mm: the first and last points, float32 at ~400 Mm (ulp 3e-5 Mm), computed twice. */
const CLOSURE_MM = 1e-3;
/** The Moon at the drawn instant, Mm: the sampling chord, 2 pi 405 Mm / 3600 / 2 ~ 0.35 Mm, and float32. */
const CHORD_MM = 0.4;
/** The Moon a day later, Mm: the Sun moves it off the osculating ellipse by at most a few hundred km. */
const ONE_DAY_DRIFT_MM = 1;

/** The Moon's geocentric ECLIPJ2000 position, Mm, independently of the module under test. */
function moonMm(tdbS: number): [number, number, number] {
  const v = GeoMoon(astroTimeOf(tdbS));
  const c = Math.cos(OBLIQUITY_J2000_RAD);
  const s = Math.sin(OBLIQUITY_J2000_RAD);
  const k = AU_M / 1e6;
  return [v.x * k, (c * v.y + s * v.z) * k, (-s * v.y + c * v.z) * k];
}

/** Distance from a point to the densely sampled closed path, Mm. */
function distanceToPath(path: Float32Array, p: readonly number[]): number {
  let best = Infinity;
  for (let k = 0; k < SAMPLES; k += 1) {
    best = Math.min(
      best,
      Math.hypot(path[3 * k]! - p[0]!, path[3 * k + 1]! - p[1]!, path[3 * k + 2]! - p[2]!),
    );
  }
  return best;
}

describe('moonOrbitPath', () => {
  for (const date of ['2031-03-20', '2045-07-04', '2050-12-01']) {
    test(`passes through the Moon at ${date}, and the Moon stays near it for days`, () => {
      const t = isoToTdbS(date);
      const path = moonOrbitPath(t, SAMPLES, new Float32Array(3 * (SAMPLES + 1)));
      // closed: the last point is the first
      expect(Math.hypot(path[0]! - path[3 * SAMPLES]!, path[1]! - path[3 * SAMPLES + 1]!)).toBeLessThan(
        CLOSURE_MM,
      );
      // at the drawn instant: on the ellipse up to the sampling chord
      expect(distanceToPath(path, moonMm(t))).toBeLessThan(CHORD_MM);
      // a day later, off the osculating ellipse by the Sun's pull
      expect(distanceToPath(path, moonMm(t + SECONDS_PER_DAY))).toBeLessThan(ONE_DAY_DRIFT_MM);
      // perigee and apogee within the Moon's range (356,400-406,700 km, osculating a little wider)
      let rMin = Infinity;
      let rMax = 0;
      for (let k = 0; k < SAMPLES; k += 1) {
        const r = Math.hypot(path[3 * k]!, path[3 * k + 1]!, path[3 * k + 2]!);
        rMin = Math.min(rMin, r);
        rMax = Math.max(rMax, r);
      }
      expect(rMin).toBeGreaterThan(350);
      expect(rMax).toBeLessThan(412);
    });
  }
});
