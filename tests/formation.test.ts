/**
 * Formation flying (sim/swarm/formation.ts; issue 13, "places consistent with orbits"): the baseline's collectors
 * fly with the compute node they feed, and stay within the cluster radius the link budget uses (its hop distance,
 * 2,000 km) at every month of 2040-2050. The members' positions come from the world's float64 propagator
 * (sim/propagate/cpu64.ts); the nodes' from their own elements through sim/orbit/state.ts, an independent two-body
 * route (elements -> state by Kepler's equation, not the propagator's batched kernel).
 */
import { describe, expect, it } from 'vitest';
import { AU_M } from '../sim/constants.ts';
import { createWorld, isoToTdbS, loadScenario } from '../sim/index.ts';
import { keplerToState, propagateElements } from '../sim/orbit/state.ts';

const RADIUS_M = 2e6;

describe('formation flying', () => {
  it('baseline: every collector within 2,000 km of its node at every month of 2040-2050', () => {
    const scenario = loadScenario('baseline');
    expect(scenario.energy?.links[0]?.hops[0]?.link.distanceM).toBe(RADIUS_M);
    const world = createWorld(scenario, { tracers: 300 });
    const { table, tracerFormation, formationNodes } = world.swarm;
    const mu = scenario.collector.muEffM3S2;
    const positionsM = new Float64Array(3 * table.count);
    let checked = 0;
    let maxM = 0;
    for (let year = 2040; year <= 2050; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const t = isoToTdbS(`${year}-${String(month).padStart(2, '0')}-01T00:00:00Z`);
        const count = world.positionsAt(t, positionsM);
        const nodes = formationNodes.map(
          (node) => keplerToState(propagateElements(node.elements, mu, t - node.epochTdbS), mu).positionM,
        );
        for (let k = 0; k < count; k += 1) {
          // the hubs' feeders fly their own ring (tests/energy/hubFeeders.test.ts)
          if (formationNodes[tracerFormation[k] as number]?.hub !== null) continue;
          const node = nodes[tracerFormation[k] as number]!;
          const d = Math.hypot(
            positionsM[3 * k]! - node[0],
            positionsM[3 * k + 1]! - node[1],
            positionsM[3 * k + 2]! - node[2],
          );
          maxM = Math.max(maxM, d);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000); // the swarm is on station over those years
    expect(maxM).toBeLessThanOrEqual(RADIUS_M);
    // and the formations are real ones: members are spread over the cluster, not piled on the node
    expect(maxM).toBeGreaterThan(0.3 * RADIUS_M);
    // the nodes are still spread over both shells (0.68-0.74 and 0.95-1.05 au)
    const radii = formationNodes.filter((n) => n.hub === null).map((n) => n.elements.semiMajorAxisM / AU_M);
    expect(Math.min(...radii)).toBeLessThan(0.75);
    expect(Math.max(...radii)).toBeGreaterThan(0.95);
  });

  it('without a cluster-received link, no formation: every tracer has its own orbit', () => {
    const world = createWorld(loadScenario('nasa-1980-lunar-factory'), { tracers: 50 });
    expect(world.swarm.formationNodes).toHaveLength(0);
    expect([...world.swarm.tracerFormation].every((f) => f === -1)).toBe(true);
  });
});
