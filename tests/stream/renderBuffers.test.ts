// The swarm's render buffers carry each tracer's source site, taken from its cohort (the growth model's sites).
import { describe, expect, it } from 'vitest';
import { createWorld, loadScenario } from '../../sim/index.ts';
import { packSwarm } from '../../sim/stream/renderBuffers.ts';

describe('render buffers', () => {
  it('give every tracer the site its cohort came from (0 = the Earth, k + 1 = growth site k)', () => {
    const scenario = loadScenario('baseline');
    const world = createWorld(scenario, { tracers: 600 });
    const { cohorts, tracerCohort, table } = world.swarm;
    const swarm = packSwarm(table, scenario.fromTdbS, (k) => cohorts[tracerCohort[k]!]!.siteIndex);
    expect(swarm.site).toHaveLength(table.count);
    const seen = new Set<number>();
    for (let k = 0; k < table.count; k += 1) {
      expect(swarm.site[k]).toBe(cohorts[tracerCohort[k]!]!.siteIndex + 1);
      seen.add(swarm.site[k]!);
    }
    // The baseline's collectors come from both growth sites (the Moon and the asteroid), none from the Earth.
    expect([...seen].sort()).toEqual([1, 2]);
    expect(packSwarm(table, scenario.fromTdbS).site.every((value) => value === 0)).toBe(true);
  });
});
