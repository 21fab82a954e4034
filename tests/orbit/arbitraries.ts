/** fast-check generators shared by the orbit and propagation tests (not a test file itself). */
import fc from 'fast-check';

import { AU_M, GM_SUN_M3_S2 } from '../../sim/constants.ts';
import type { KeplerElements, StateVector } from '../../sim/orbit/elements.ts';

export const MU = GM_SUN_M3_S2;

/** Eccentricity in [0, 0.99], with the circular case and near-circular values drawn often. */
export const eccentricityArb = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 0.99, noNaN: true }), weight: 6 },
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.double({ min: 0, max: 1e-6, noNaN: true }), weight: 1 },
  { arbitrary: fc.constantFrom(0.9, 0.95, 0.99), weight: 1 },
);

/** Inclination in [0, π], with the equatorial cases i = 0 and i = π drawn often. */
export const inclinationArb = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: Math.PI, noNaN: true }), weight: 6 },
  { arbitrary: fc.constantFrom(0, Math.PI), weight: 3 },
  { arbitrary: fc.double({ min: 0, max: 1e-6, noNaN: true }), weight: 1 },
);

export const angleArb = fc.double({ min: -10 * Math.PI, max: 10 * Math.PI, noNaN: true });

/** Semi-major axis between 0.05 au and 30 au, log-uniform. */
export const semiMajorAxisArb = fc
  .double({ min: Math.log(0.05), max: Math.log(30), noNaN: true })
  .map((x) => Math.exp(x) * AU_M);

export const elementsArb: fc.Arbitrary<KeplerElements> = fc.record({
  semiMajorAxisM: semiMajorAxisArb,
  eccentricity: eccentricityArb,
  inclinationRad: inclinationArb,
  ascendingNodeRad: angleArb,
  argPeriapsisRad: angleArb,
  meanAnomalyRad: angleArb,
});

const unitVectorArb = fc
  .tuple(
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
  )
  .filter(([x, y, z]) => Math.hypot(x, y, z) > 0.1)
  .map(([x, y, z]) => {
    const n = Math.hypot(x, y, z);
    return [x / n, y / n, z / n] as [number, number, number];
  });

/**
 * Raw bound states: any position from 0.05 to 30 au, any velocity direction not within ~3 degrees of radial,
 * speed a fraction 0.02..0.999 of the escape speed, and e <= 0.999. (Closer to rectilinear the element set itself
 * is ill-conditioned: an absolute error of 1e-16 in e is a relative error of 1e-16 / (1 - e^2) in the semi-minor
 * axis, hence in the transverse velocity; the e = 0.999999 cases are tested explicitly instead.)
 */
export const boundStateArb: fc.Arbitrary<StateVector> = fc
  .tuple(unitVectorArb, semiMajorAxisArb, unitVectorArb, fc.double({ min: 0.02, max: 0.999, noNaN: true }))
  .filter(([rHat, , vHat]) => {
    const cross = Math.hypot(
      rHat[1] * vHat[2] - rHat[2] * vHat[1],
      rHat[2] * vHat[0] - rHat[0] * vHat[2],
      rHat[0] * vHat[1] - rHat[1] * vHat[0],
    );
    return cross > 0.05;
  })
  .map(([rHat, r, vHat, fraction]) => {
    const v = fraction * Math.sqrt((2 * MU) / r);
    return {
      positionM: [rHat[0] * r, rHat[1] * r, rHat[2] * r],
      velocityMS: [vHat[0] * v, vHat[1] * v, vHat[2] * v],
    } satisfies StateVector;
  })
  .filter(({ positionM: r, velocityMS: v }) => {
    const rNorm = Math.hypot(...r);
    const energy = 0.5 * (v[0] ** 2 + v[1] ** 2 + v[2] ** 2) - MU / rNorm;
    const h2 =
      (r[1] * v[2] - r[2] * v[1]) ** 2 + (r[2] * v[0] - r[0] * v[2]) ** 2 + (r[0] * v[1] - r[1] * v[0]) ** 2;
    return Math.sqrt(Math.max(0, 1 + (2 * energy * h2) / (MU * MU))) <= 0.999;
  });

export function norm(v: readonly number[]): number {
  return Math.hypot(...v);
}

export function diffNorm(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < a.length; k += 1) s += ((a[k] as number) - (b[k] as number)) ** 2;
  return Math.sqrt(s);
}

/** |a - b| reduced to (-π, π]. */
export function angleDiff(a: number, b: number): number {
  const d = a - b;
  return Math.abs(Math.atan2(Math.sin(d), Math.cos(d)));
}
