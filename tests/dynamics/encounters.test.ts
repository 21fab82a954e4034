/**
 * Encounter rates (sim/dynamics/encounters.ts): the kinetic estimate from the tracers' geometry against a Monte
 * Carlo count of the close approaches of the same tracers to the Earth, on two-body orbits over 20 years (the
 * Earth from astronomy-engine), with focusing off since the two-body tracers feel no Earth; then the focusing
 * factor against its closed form, and the refinement of one approach against the analytic minimum of a straight
 * line.
 */
import { describe, expect, it } from 'vitest';

import { AU_M, GM_SUN_M3_S2, SECONDS_PER_DAY, SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { closeApproaches, kineticEncounterRates } from '../../sim/dynamics/encounters.ts';
import { earthTable, positionAt } from '../../sim/dynamics/perturberTable.ts';
import { writeEllipticState } from '../../sim/orbit/conic.ts';
import { eccentricAnomaly } from '../../sim/orbit/kepler.ts';
import { createUniformSource } from '../../sim/swarm/random.ts';

/**
 * MC count against the kinetic estimate: Poisson noise of the ~150 approaches (8 %, 3σ 25 %), the density's
 * variation across the 0.035 au probe being small (a 0.08 au probe, averaging over the shell's ~0.09 au thick
 * vertical profile, came out 33 % low). Measured: 152 counted, 148.8 predicted.
 */
const MC_TOL = 0.25;

describe('kineticEncounterRates against a Monte Carlo count of close approaches', () => {
  it('predicts the approaches to the Earth within 0.03 au of an Earth-crossing shell', () => {
    // Not co-orbital (a 1.1-1.3 au, e 0.15-0.25: perihelia 0.83-1.1 au), so passes are fast and straight; a
    // co-orbital shell meets the Earth slowly, on loops, and the count exceeds the straight-line rate (measured
    // x1.3 for 0.95-1.05 au, e < 0.03): the warning the report gives.
    const n = 1000;
    const span = 20 * SECONDS_PER_JULIAN_YEAR;
    const rng = createUniformSource(5);
    const el = new Float64Array(7 * n); // a, e, i, Ω, ω, M0, n
    for (let k = 0; k < n; k += 1) {
      const a = (1.1 + 0.2 * rng.next()) * AU_M;
      el.set(
        [
          a,
          0.15 + 0.1 * rng.next(),
          (5 * Math.PI * rng.next()) / 180,
          2 * Math.PI * rng.next(),
          2 * Math.PI * rng.next(),
          2 * Math.PI * rng.next(),
          Math.sqrt(GM_SUN_M3_S2 / a ** 3),
        ],
        7 * k,
      );
    }
    const state = (k: number, t: number, p: Float64Array, v: Float64Array | null): void => {
      const o = 7 * k;
      const [a, e, i, node, w, m0, nn] = Array.from(el.subarray(o, o + 7)) as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      writeEllipticState(a, e, i, node, w, eccentricAnomaly(m0 + nn * t, e), nn * a * a, p, v, 0);
    };
    const earth = earthTable(0, span);
    const d = 0.03 * AU_M;
    // Monte Carlo: every approach closer than d, on every tracer's orbit.
    const p = new Float64Array(3);
    const e = new Float64Array(3);
    let counted = 0;
    for (let k = 0; k < n; k += 1) {
      counted += closeApproaches(
        (t, out) => {
          state(k, t, p, null);
          positionAt(earth, t, e);
          out[0] = (p[0] as number) - (e[0] as number);
          out[1] = (p[1] as number) - (e[1] as number);
          out[2] = (p[2] as number) - (e[2] as number);
        },
        0,
        span,
        4 * SECONDS_PER_DAY,
        d,
        15_000,
      ).length;
    }
    // Kinetic: the rate at 960 instants, from the tracers' positions and velocities there.
    const samples = 960;
    const positions = new Float64Array(3 * n);
    const velocities = new Float64Array(3 * n);
    const pos = new Float64Array(3);
    const vel = new Float64Array(3);
    const weights = new Float64Array(n).fill(1);
    let rate = 0;
    const h = 60;
    for (let s = 0; s < samples; s += 1) {
      const t = ((s + 0.5) / samples) * span;
      for (let k = 0; k < n; k += 1) {
        state(k, t, pos, vel);
        positions.set(pos, 3 * k);
        velocities.set(vel, 3 * k);
      }
      positionAt(earth, t, e);
      const earthM = Float64Array.from(e);
      positionAt(earth, t + h, p);
      positionAt(earth, t - h, e);
      const earthV = [0, 1, 2].map((c) => ((p[c] as number) - (e[c] as number)) / (2 * h));
      rate += kineticEncounterRates(
        {
          positionsM: positions,
          velocitiesMS: velocities,
          weights,
          count: n,
          bodyPositionM: earthM,
          bodyVelocityMS: earthV,
          bodyGmM3S2: 0,
          probeRadiusM: 0.035 * AU_M,
        },
        [d],
      ).ratesPerS[0] as number;
    }
    const predicted = (rate / samples) * span;
    const label = `counted ${counted}, predicted ${predicted.toFixed(1)}`;
    expect(counted, label).toBeGreaterThan(150);
    expect(Math.abs(counted / predicted - 1), label).toBeLessThan(MC_TOL);
  }, 120_000);
});

describe('encounter geometry', () => {
  it('focuses by 1 + v_esc^2 / u^2', () => {
    const base = {
      positionsM: [1e8, 0, 0],
      velocitiesMS: [0, 1000, 0],
      weights: [1],
      count: 1,
      bodyPositionM: [0, 0, 0],
      bodyVelocityMS: [0, 0, 0],
      probeRadiusM: 1e9,
    };
    const d = 4.2e7;
    const off = kineticEncounterRates({ ...base, bodyGmM3S2: 0 }, [d]).ratesPerS[0] as number;
    const on = kineticEncounterRates({ ...base, bodyGmM3S2: 3.986e14 }, [d]).ratesPerS[0] as number;
    expect(on / off).toBeCloseTo(1 + (2 * 3.986e14) / d / 1000 ** 2, 12);
    expect(off).toBeCloseTo((1 / ((4 / 3) * Math.PI * 1e27)) * Math.PI * d * d * 1000, 30);
  });
  it('finds the minimum of a straight pass: distance b at time t0, speed u', () => {
    const [b, u, tc] = [3e7, 1500, 5e6];
    const found = closeApproaches(
      (t, out) => {
        out[0] = u * (t - tc);
        out[1] = b;
        out[2] = 0;
      },
      0,
      1e7,
      2 * SECONDS_PER_DAY,
      1e8,
      5000,
    );
    expect(found).toHaveLength(1);
    expect(Math.abs((found[0]?.tdbS ?? 0) - tc)).toBeLessThan(1);
    expect(Math.abs((found[0]?.distanceM ?? 0) / b - 1)).toBeLessThan(1e-9);
    expect(Math.abs((found[0]?.relativeSpeedMS ?? 0) / u - 1)).toBeLessThan(1e-9);
  });
});
