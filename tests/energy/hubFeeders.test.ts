/**
 * Hubs fed only by collectors that can reach them (issue 13, "places consistent with orbits"): in the baseline, 14 %
 * of the near-1au shell's collectors fly in formation with hubs at the Sun-Earth L4 and L5 points
 * (sim/swarm/hubOrbit.ts), and the Earth link takes its power from them alone.
 *
 * What is checked, and against what:
 * - the feeders' distance to their hub, with the feeders from the world's float64 propagator (sim/propagate/cpu64.ts)
 *   and the hub from its own elements through sim/orbit/state.ts, at every month of 2046-2050: at the hop's stated
 *   2,000 km, on the constant-distance ring (before this change the collectors feeding the hubs were tenths of an au
 *   from them: tests/energy/hopGeometry.test.ts);
 * - the hub against the triangular point as placement.ts builds it from VSOP87 (the Earth's position turned by 60
 *   deg): the distance is the photogravitational shift (1 - (1 - beta)^(1/3)) r ~ 70,000 km (Schuerman 1980) plus
 *   the Moon's swing of the Earth about the barycentre (4,670 km) and what two-body motion leaves out;
 * - the hub's period under mu (1 - beta): the sidereal year (closed form), so it keeps its 60 deg from the Earth;
 * - the ledger: the Earth link carries its share of the feeders' power only (bookkeeping).
 */
import { describe, expect, it } from 'vitest';
import { AU_M } from '../../sim/constants.ts';
import { energyLedgerAt, InputError, createWorld, isoToTdbS, loadScenario } from '../../sim/index.ts';
import { platformsAt } from '../../sim/energy/placement.ts';
import { keplerToState, propagateElements } from '../../sim/orbit/state.ts';
import { builtinScenarioObject } from '../../sim/scenario/load.ts';
import { hubElements, SIDEREAL_YEAR_S } from '../../sim/swarm/hubOrbit.ts';

const RADIUS_M = 2e6;
/**
 * A feeder's distance from its hub against the ring's 2,000 km, relative: the circular Clohessy-Wiltshire ring is
 * exact for a circular reference; about the hub's eccentric orbit (e = 0.0167) the relative motion differs by
 * terms of order e |rho| (D'Amico 2010, ch. 2: the separation breathes with r / a in 1 +- e, plus along-track
 * terms of the same order), and 3e = 5 % bounds them (observed 3.8 %); the nonlinear terms are 1e-5.
 */
const RING_REL = 3 * 0.0167;
/**
 * Hub to the placed point, m: the photogravitational shift (1 - 0.9986^(1/3)) x 1 au = 70,000 km, +-1.7 % with
 * the Earth's eccentricity, plus the Moon's 4,670 km swing of the Earth's centre and a few thousand km of
 * planetary perturbations over five years that two-body motion does not follow: 100,000 km bounds them all.
 */
const HUB_TO_POINT_M = 1e8;
/** Period against the sidereal year, relative: a cube root and a square root of float64 values. */
const PERIOD_REL = 1e-12;
/** Ledger shares, relative: one multiplication each. */
const SHARE_REL = 1e-12;

function monthly(fromYear: number, toYear: number): number[] {
  const times: number[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    for (let month = 1; month <= 12; month += 1) {
      times.push(isoToTdbS(`${year}-${String(month).padStart(2, '0')}-01T00:00:00Z`));
    }
  }
  return times;
}

describe("the baseline's L4/L5 hubs and their feeders", () => {
  const scenario = loadScenario('baseline');
  const world = createWorld(scenario, { tracers: 2000 });
  const { table, tracerFormation, formationNodes } = world.swarm;
  const mu = scenario.collector.muEffM3S2;
  const hubs = formationNodes.flatMap((node, f) => (node.hub === null ? [] : [{ node, f }]));

  it('has one hub at each point, and the Earth link names them', () => {
    expect(hubs.map((h) => h.node.hub).sort()).toEqual(['L4', 'L5']);
    expect(scenario.energy?.links[1]?.hops[0]?.link.distanceM).toBe(RADIUS_M);
    expect(scenario.energy?.hubFeeders?.linkIndex).toBe(1);
  });

  it('every feeder at the hop distance of its hub at every month of 2046-2050 (the propagator, not the ledger)', () => {
    const positionsM = new Float64Array(3 * table.count);
    let checked = 0;
    let maxM = 0;
    let minM = Infinity;
    for (const t of monthly(2046, 2050)) {
      const count = world.positionsAt(t, positionsM);
      for (const { node, f } of hubs) {
        const p = keplerToState(propagateElements(node.elements, mu, t - node.epochTdbS), mu).positionM;
        for (let k = 0; k < count; k += 1) {
          if (tracerFormation[k] !== f) continue;
          const d = Math.hypot(
            positionsM[3 * k]! - p[0],
            positionsM[3 * k + 1]! - p[1],
            positionsM[3 * k + 2]! - p[2],
          );
          maxM = Math.max(maxM, d);
          minM = Math.min(minM, d);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    // every feeder at the stated distance, month after month: the ring about the hub (formation.ts)
    expect(Math.abs(maxM / RADIUS_M - 1)).toBeLessThan(RING_REL);
    expect(Math.abs(minM / RADIUS_M - 1)).toBeLessThan(RING_REL);
  });

  it('the hubs stay at their triangular points (VSOP87, placement.ts) at every month of 2046-2050', () => {
    const energy = scenario.energy;
    if (energy === undefined) throw new Error('the baseline has an energy section');
    let maxM = 0;
    for (const t of monthly(2046, 2050)) {
      const points = platformsAt(energy, t)[1]?.[0] ?? [];
      for (const { node } of hubs) {
        const p = keplerToState(propagateElements(node.elements, mu, t - node.epochTdbS), mu).positionM;
        const q = points.find((x) => x.kind === `sun-earth-${node.hub}`)?.positionM;
        if (q === undefined || q === null) throw new Error('no placed point');
        maxM = Math.max(maxM, Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
      }
    }
    expect(maxM).toBeLessThan(HUB_TO_POINT_M);
    // and the shift is the photogravitational one, not zero: the hub flies sunward of the point
    expect(maxM).toBeGreaterThan((1 - Math.cbrt(1 - scenario.collector.lightnessNumber)) * AU_M * 0.9);
  });

  it('the hub orbit has the sidereal year as its period under mu (1 - beta)', () => {
    const el = hubElements('L4', isoToTdbS('2046-01-01'), mu);
    const periodS = 2 * Math.PI * Math.sqrt(el.semiMajorAxisM ** 3 / mu);
    expect(Math.abs(periodS / SIDEREAL_YEAR_S - 1)).toBeLessThan(PERIOD_REL);
    // (1 - beta)^(1/3) inside the 1 au of a body with the Earth's period, as the issue states: 0.99953 au
    expect(el.semiMajorAxisM / AU_M).toBeCloseTo(0.99953, 4);
  });

  it('bookkeeping: the Earth link takes its share of the feeders power, the compute link its share of the rest', () => {
    const energy = scenario.energy;
    if (energy === undefined) throw new Error('the baseline has an energy section');
    const ledger = energyLedgerAt(energy, isoToTdbS('2050-01-01'), {
      interceptedSunlightW: 2e10,
      capturedPowerW: 4e9,
      hubFeedersCapturedPowerW: 3e8,
    });
    const [compute, earth] = ledger.links;
    expect(Math.abs((earth?.inputDcPowerW ?? 0) / (0.98 * 3e8) - 1)).toBeLessThan(SHARE_REL);
    expect(Math.abs((compute?.inputDcPowerW ?? 0) / (0.98 * 3.7e9) - 1)).toBeLessThan(SHARE_REL);
    expect(Math.abs(ledger.unallocatedPowerW / (0.02 * 4e9) - 1)).toBeLessThan(1e-9);
    expect(() =>
      energyLedgerAt(energy, 0, { interceptedSunlightW: 2, capturedPowerW: 1, hubFeedersCapturedPowerW: 2 }),
    ).toThrow(/hubFeedersCapturedPowerW/);
  });

  it("the world's snapshot gives the feeders' power to the ledger: about their share of the swarm's", () => {
    const snapshot = world.snapshot(isoToTdbS('2050-01-01'));
    const earth = snapshot.energy?.links[1];
    const byShell = world.collectorsOnStationByShell(isoToTdbS('2050-01-01'));
    // 14 % of the near-1au shell's collectors, each capturing about what a collector at 1 au does: their share of
    // the captured power is 0.14 x near-1au count / (near-1au count + 2 x inner-0.7au count), the 0.7 au
    // collectors receiving 1 / 0.71^2 = 2 times the flux; 15 % covers the shells' spread in distance (0.95-1.05 au).
    const near = byShell[0] ?? 0;
    const inner = byShell[1] ?? 0;
    const expected = (0.14 * near) / (near + inner / 0.71 ** 2);
    const actual = (earth?.inputDcPowerW ?? 0) / 0.98 / snapshot.capturedPowerW;
    expect(Math.abs(actual / expected - 1)).toBeLessThan(0.15);
  });
});

describe('feeders are refused where they cannot fly', () => {
  const withFeeders = (feeders: unknown): object => {
    const file = JSON.parse(JSON.stringify(builtinScenarioObject('baseline'))) as {
      energy: { links: Array<{ hops: Array<{ receiverAt?: Record<string, unknown> }> }> };
    };
    const at = file.energy.links[1]?.hops[0]?.receiverAt;
    if (at !== undefined) at['feeders'] = feeders;
    return file;
  };

  it('an unknown shell, naming the field and the shells', () => {
    expect(() =>
      createWorld(loadScenario(withFeeders({ shell: 'nowhere', collectorShare: 0.1 })), { tracers: 10 }),
    ).toThrow(/energy\.links\[1\]\.hops\[0\]\.receiverAt\.feeders\.shell.*near-1au.*nowhere/s);
  });

  it('a shell whose ranges do not hold the hub orbit (0.68-0.74 au)', () => {
    let error: unknown;
    try {
      createWorld(loadScenario(withFeeders({ shell: 'inner-0.7au', collectorShare: 0.1 })), { tracers: 10 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toMatch(/a = 0\.9995\d au.*inner-0\.7au/);
  });

  it('a share out of (0, 1]', () => {
    expect(() => loadScenario(withFeeders({ shell: 'near-1au', collectorShare: 0 }))).toThrow(
      /collectorShare/,
    );
  });
});
