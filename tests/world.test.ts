// Collectors between the Earth and the Sun: counted from the propagated positions and the Earth's position from
// astronomy-engine, and the fraction of sunlight they take from the Earth. Checked against the geometry written
// out here independently, and against the analytic expectation for a ring in the ecliptic.
import { AstroTime, Body, HelioVector } from 'astronomy-engine';
import { describe, expect, it } from 'vitest';
import { AU_M, OBLIQUITY_J2000_RAD, SOLAR_RADIUS_M } from '../sim/constants.ts';
import { createWorld, isoToTdbS, loadScenario } from '../sim/index.ts';

const N = 20_000;
const RING_AU = 0.5;
/** Collectors in the cone against the same weights summed here, digits (5e-7 collectors): rounding of the sum. */
const CONE_COUNT_DIGITS = 6;
/** Earth dimming against 1 - exp(-solid angle / disc), digits: the same expression, rounding only. */
const DIMMING_DIGITS = 12;
/** Ring share over 60 dates, relative: Poisson noise of ~30 tracers a date is a few per cent; 15 % bounds it. */
const RING_SHARE_REL = 0.15;

function ringScenario() {
  return loadScenario({
    name: 'ring',
    title: 'a ring at 0.5 au in the ecliptic',
    from: '2030-01-01',
    to: '2036-01-01',
    tracers: N,
    cohortDays: 3650,
    collector: { unitAreaM2: 1e6, arealDensityKgM2: 0.02, conversionEfficiency: 0.2 },
    shells: [
      { name: 'ring', semiMajorAxisAu: [RING_AU, RING_AU], eccentricity: [0, 0], inclinationDeg: [0, 0] },
    ],
    deployment: [{ shell: 'ring', start: '2030-01-01', end: '2030-01-02', collectorsPerYear: 1e6 * 365.25 }],
  });
}

/** The Earth's heliocentric position, ecliptic J2000, m (astronomy-engine, rotated here by the obliquity). */
function earthEcliptic(tdbS: number): [number, number, number] {
  const v = HelioVector(Body.Earth, AstroTime.FromTerrestrialTime(tdbS / 86400));
  const c = Math.cos(OBLIQUITY_J2000_RAD);
  const s = Math.sin(OBLIQUITY_J2000_RAD);
  return [v.x * AU_M, (c * v.y + s * v.z) * AU_M, (-s * v.y + c * v.z) * AU_M];
}

describe('collectors in front of the Sun, seen from the Earth', () => {
  it('counts the tracers inside the solar-disc cone and their dimming, as the geometry says', () => {
    const world = createWorld(ringScenario());
    let sawSome = false;
    for (const iso of ['2031-03-01', '2032-07-15', '2034-11-30', '2035-06-01']) {
      const t = isoToTdbS(iso);
      const snap = world.snapshot(t);
      const positions = new Float64Array(3 * world.swarm.table.count);
      const count = world.positionsAt(t, positions);
      const earth = earthEcliptic(t);
      const sunDistance = Math.hypot(...earth);
      const halfAngle = Math.asin(SOLAR_RADIUS_M / sunDistance);
      let inCone = 0;
      let solidAngle = 0;
      for (let k = 0; k < count; k += 1) {
        const d = [
          positions[3 * k]! - earth[0],
          positions[3 * k + 1]! - earth[1],
          positions[3 * k + 2]! - earth[2],
        ];
        const dLength = Math.hypot(d[0]!, d[1]!, d[2]!);
        const towardSun = -(d[0]! * earth[0] + d[1]! * earth[1] + d[2]! * earth[2]) / sunDistance;
        const angle = Math.acos(Math.min(1, towardSun / dLength));
        if (towardSun > 0 && towardSun < sunDistance && angle <= halfAngle) {
          inCone += world.swarm.table.weight[k]!;
          solidAngle += (world.swarm.table.weight[k]! * 1e6) / (dLength * dLength);
        }
      }
      sawSome ||= inCone > 0;
      expect(snap.collectorsSunwardOfEarth).toBeCloseTo(inCone, CONE_COUNT_DIGITS);
      const disc = Math.PI * Math.sin(halfAngle) ** 2;
      expect(snap.earthDimmingFraction).toBeCloseTo(1 - Math.exp(-solidAngle / disc), DIMMING_DIGITS);
    }
    expect(sawSome).toBe(true);
  });

  it('matches the expected share of a uniform ring inside the cone, on average over many dates', () => {
    const world = createWorld(ringScenario());
    // A ring of radius a in the ecliptic, seen from the Earth at ~1 au: the cone of half-angle theta crosses it
    // over an arc of 2 (1 au - a) theta, a fraction (1 au - a) theta / (pi a) of the ring's collectors.
    let sum = 0;
    let expected = 0;
    const dates = 60;
    for (let k = 0; k < dates; k += 1) {
      const t = isoToTdbS('2031-01-01') + k * 29.3 * 86400;
      const snap = world.snapshot(t);
      const earth = earthEcliptic(t);
      const r = Math.hypot(...earth);
      const theta = Math.asin(SOLAR_RADIUS_M / r);
      sum += snap.collectorsSunwardOfEarth;
      expected += (snap.collectorCount * ((r - RING_AU * AU_M) * theta)) / (Math.PI * RING_AU * AU_M);
    }
    expect(Math.abs(sum - expected) / expected).toBeLessThan(RING_SHARE_REL);
  });
});
