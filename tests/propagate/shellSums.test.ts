/**
 * sim/propagate/shellSums.ts against an independent calculation written out here (grouped by shell, distances
 * from sqrt of the sum of squares, sunward from the angle to the Sun's direction), and against the analytic share
 * of a uniform ring that falls inside the cone of the solar disc seen from the Earth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AU_M, SOLAR_RADIUS_M } from '../../sim/constants.ts';
import { shellSums, type ShellSumsOut } from '../../sim/propagate/shellSums.ts';

/** Sums of O(100) positive terms in another order and with another formula for r: a few ulps each. */
const SUM_REL_TOL = 1e-12;
/** The ring's tracers in the cone are counted to ±1 at each edge of the arc. */
const RING_EDGE_TRACERS = 2;
/** The ring's weight, 2e5 terms of 3, digits (5e-7): integers summed exactly in float64, so rounding at most. */
const RING_WEIGHT_DIGITS = 6;
/** Over the arc in the cone, d^2 varies by a D φ^2 / (D - a)^2 = 4e-5 relative (a = 0.5 au, φ ~ θ). */
const RING_SOLID_ANGLE_REL_TOL = 1e-4;

function outFor(shells: number): ShellSumsOut {
  return {
    weight: new Float64Array(shells).fill(NaN),
    sunlight: new Float64Array(shells).fill(NaN),
    degradedSunlight: new Float64Array(shells).fill(NaN),
    sunward: new Float64Array(2).fill(NaN),
  };
}

interface Tracer {
  readonly p: readonly [number, number, number];
  readonly w: number;
  readonly shell: number;
  readonly station: number;
}

/** The same quantities, computed per shell by filtering, and the sunward test by angles (acos / asin). */
function independent(
  tracers: readonly Tracer[],
  shells: number,
  tdbS: number,
  earth: number[],
  area: number,
  rate: number,
) {
  const [ex, ey, ez] = earth as [number, number, number];
  const D = Math.sqrt(ex * ex + ey * ey + ez * ez);
  const theta = Math.asin(SOLAR_RADIUS_M / D);
  const perShell = Array.from({ length: shells }, (_, s) => {
    const mine = tracers.filter((t) => t.shell === s);
    const flux = (t: Tracer) => t.w / ((t.p[0] ** 2 + t.p[1] ** 2 + t.p[2] ** 2) / (AU_M * AU_M));
    return {
      weight: mine.reduce((sum, t) => sum + t.w, 0),
      sunlight: mine.reduce((sum, t) => sum + flux(t), 0),
      degraded: mine.reduce((sum, t) => sum + flux(t) * Math.exp(-rate * (tdbS - t.station)), 0),
    };
  });
  let sunwardWeight = 0;
  let sunwardSolidAngle = 0;
  for (const t of tracers) {
    const d = [t.p[0] - ex, t.p[1] - ey, t.p[2] - ez];
    const dNorm = Math.hypot(d[0]!, d[1]!, d[2]!);
    const along = -(d[0]! * ex + d[1]! * ey + d[2]! * ez) / D;
    const angle = Math.acos(Math.max(-1, Math.min(1, along / dNorm)));
    if (along > 0 && along < D && angle <= theta) {
      sunwardWeight += t.w;
      sunwardSolidAngle += (t.w * area) / (dNorm * dNorm);
    }
  }
  return { perShell, sunwardWeight, sunwardSolidAngle };
}

function columnsOf(tracers: readonly Tracer[]) {
  return {
    positions: Float64Array.from(tracers.flatMap((t) => t.p)),
    columns: {
      weight: Float64Array.from(tracers, (t) => t.w),
      shellIndex: Uint16Array.from(tracers, (t) => t.shell),
      stationTdbS: Float64Array.from(tracers, (t) => t.station),
    },
  };
}

const relative = (got: number, want: number) => (want === 0 ? Math.abs(got) : Math.abs(got / want - 1));

describe('shellSums', () => {
  const earth = [0.6 * AU_M, -0.8 * AU_M, 1e6];
  const tdbS = 1e9;

  it('matches the independent per-shell sums on random swarms, and reads only the first `count` tracers', () => {
    // Half the tracers are thrown near the Sun-Earth line, so that the sunward sums are not trivially zero.
    const tracer = fc.record({
      towardsSun: fc.boolean(),
      fraction: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      offset: fc.tuple(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
      ),
      w: fc.double({ min: 1, max: 1e9, noNaN: true }),
      shell: fc.integer({ min: 0, max: 3 }),
      age: fc.double({ min: 0, max: 3e8, noNaN: true }),
    });
    let withSunward = 0;
    fc.assert(
      fc.property(fc.array(tracer, { minLength: 1, maxLength: 120 }), fc.nat(5), (drawn, cut) => {
        const tracers: Tracer[] = drawn.map((t) => {
          const scale = t.towardsSun ? 2e8 : 2 * AU_M;
          const base = t.towardsSun ? earth.map((e) => e * t.fraction) : [0, 0, 0];
          const p = base.map((b, i) => b + scale * t.offset[i]!) as [number, number, number];
          if (Math.hypot(...p) < 1e9) p[0] += 1e10; // keep clear of the Sun
          return { p, w: t.w, shell: t.shell, station: tdbS - t.age };
        });
        const count = Math.max(0, tracers.length - cut);
        const { positions, columns } = columnsOf(tracers);
        const out = outFor(4);
        shellSums(positions, count, columns, tdbS, earth, 25, 3e-9, out);
        const want = independent(tracers.slice(0, count), 4, tdbS, earth, 25, 3e-9);
        want.perShell.forEach((shell, s) => {
          expect(relative(out.weight[s]!, shell.weight)).toBeLessThanOrEqual(SUM_REL_TOL);
          expect(relative(out.sunlight[s]!, shell.sunlight)).toBeLessThanOrEqual(SUM_REL_TOL);
          expect(relative(out.degradedSunlight[s]!, shell.degraded)).toBeLessThanOrEqual(SUM_REL_TOL);
        });
        expect(relative(out.sunward[0]!, want.sunwardWeight)).toBeLessThanOrEqual(SUM_REL_TOL);
        expect(relative(out.sunward[1]!, want.sunwardSolidAngle)).toBeLessThanOrEqual(SUM_REL_TOL);
        if (want.sunwardWeight > 0) withSunward += 1;
      }),
      { numRuns: 200 },
    );
    expect(withSunward).toBeGreaterThan(50); // the sunward sums were exercised
  });

  it('gives a uniform ring its analytic sunlight and its analytic share inside the solar-disc cone', () => {
    // N equal collectors evenly on a circle of radius a in the ecliptic, the Earth at distance D on the x axis.
    // Sunlight: N w / a^2 (au). The cone of half-angle θ (sin θ = R_sun / D) holds the points at |φ| < φmax with
    // a sin φ = tan θ (D - a cos φ), i.e. sin(φmax + θ) = D sin θ / a: a share φmax / π of the ring, at d ≈ D - a.
    const N = 200_000;
    const a = 0.5 * AU_M;
    const D = 1.0167 * AU_M;
    const w = 3;
    const area = 1e4;
    const rate = 1e-9;
    const age = 1e8;
    const positions = new Float64Array(3 * N);
    for (let k = 0; k < N; k += 1) {
      const phi = (2 * Math.PI * (k + 0.5)) / N;
      positions[3 * k] = a * Math.cos(phi);
      positions[3 * k + 1] = a * Math.sin(phi);
    }
    const columns = {
      weight: new Float64Array(N).fill(w),
      shellIndex: new Uint16Array(N).fill(1),
      stationTdbS: new Float64Array(N).fill(tdbS - age),
    };
    const out = outFor(2);
    shellSums(positions, N, columns, tdbS, [D, 0, 0], area, rate, out);
    const sunlight = (N * w) / (a / AU_M) ** 2;
    expect(out.weight[0]).toBe(0);
    expect(out.weight[1]).toBeCloseTo(N * w, RING_WEIGHT_DIGITS);
    expect(relative(out.sunlight[1]!, sunlight)).toBeLessThanOrEqual(SUM_REL_TOL * 100); // 2e5 terms
    expect(relative(out.degradedSunlight[1]!, sunlight * Math.exp(-rate * age))).toBeLessThanOrEqual(
      SUM_REL_TOL * 100,
    );
    const theta = Math.asin(SOLAR_RADIUS_M / D);
    const phiMax = Math.asin((D * Math.sin(theta)) / a) - theta;
    const expectedTracers = (N * phiMax) / Math.PI;
    expect(expectedTracers).toBeGreaterThan(250); // the test has teeth
    const counted = out.sunward[0]! / w;
    expect(Math.abs(counted - expectedTracers)).toBeLessThanOrEqual(RING_EDGE_TRACERS);
    expect(relative(out.sunward[1]!, (counted * w * area) / (D - a) ** 2)).toBeLessThanOrEqual(
      RING_SOLID_ANGLE_REL_TOL,
    );
  });

  it('gives the same bytes from float32 positions as from their float64 widening', () => {
    const positions32 = Float32Array.from([1e11, 2e10, 3e9, -1.4e11, 5e10, 0, 7e10, -7e10, 1e10]);
    const columns = {
      weight: Float64Array.from([1, 2, 3]),
      shellIndex: Uint16Array.from([0, 0, 1]),
      stationTdbS: Float64Array.from([0, 1e7, 2e7]),
    };
    const a = outFor(2);
    const b = outFor(2);
    shellSums(positions32, 3, columns, tdbS, earth, 1, 1e-9, a);
    shellSums(Float64Array.from(positions32), 3, columns, tdbS, earth, 1, 1e-9, b);
    expect(a).toStrictEqual(b);
    expect(a.sunlight[1]).toBeGreaterThan(0);
  });
});
