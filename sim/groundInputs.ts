/**
 * What the Earth-side ledger (sim/ground) reads of one instant of the sky: the power the swarm and the power
 * satellites deliver, the capital behind them, the energy per task, and the heat each rectenna site keeps.
 * Kept apart from world.ts so the fields the ground ledger depends on are read in one place.
 */
import type { EarthSegment } from './earth/resolve.ts';
import type { EarthSegmentState } from './earth/segment.ts';
import type { EnergyLedger } from './energy/ledger.ts';
import type { GroundInputs, RectennaHeatInput } from './ground/ledger.ts';
import type { GrowthState } from './growth/state.ts';
import type { Scenario } from './scenario/resolve.ts';

/** Area of an ellipse of full width w and length l, m^2. */
function ellipseAreaM2(widthM: number, lengthM: number): number {
  return (Math.PI / 4) * widthM * lengthM;
}

export function groundInputsOf(
  scenario: Scenario,
  earth: EarthSegment | undefined,
  at: {
    readonly growth: GrowthState | undefined;
    readonly energy: EnergyLedger | undefined;
    readonly earthState: EarthSegmentState | undefined;
  },
): GroundInputs {
  const { growth, energy, earthState } = at;
  const rectennas: RectennaHeatInput[] = [];
  let ratedDcW = 0;
  if (earth !== undefined && earthState !== undefined) {
    const rated = new Map(earth.satellites.map((sat) => [sat.name, sat.transmitter.dcPowerW]));
    for (const sat of earthState.perSatellite) {
      if (sat.inService) ratedDcW += rated.get(sat.name) ?? 0;
    }
    const sites = new Map(earth.sites.map((site) => [site.name, site]));
    for (const state of earthState.perSite) {
      const site = sites.get(state.name);
      if (site === undefined || !state.operational) continue;
      const receivedW = state.budget?.receivedRfPowerW ?? 0;
      rectennas.push({
        name: site.name,
        heatW: Math.max(0, receivedW - state.deliveredPowerGridW),
        areaM2: ellipseAreaM2(site.widthM, site.lengthM),
      });
    }
  }
  // The swarm's own rectennas: the last hop of each grid link that ends on the ground.
  scenario.energy?.links.forEach((link, index) => {
    const hop = link.hops[link.hops.length - 1];
    const ledger = energy?.links[index];
    if (link.destination !== 'grid' || hop?.link.elevationRad === undefined || ledger === undefined) return;
    const last = ledger.hops[ledger.hops.length - 1];
    const widthM = hop.link.rxWidthM ?? hop.link.rxDiameterM ?? 0;
    const lengthM = hop.link.rxLengthM ?? hop.link.rxDiameterM ?? 0;
    rectennas.push({
      name: `${link.name} rectenna`,
      heatW: Math.max(0, (last?.receivedPowerW ?? 0) - ledger.deliveredPowerW),
      areaM2: ellipseAreaM2(widthM, lengthM),
    });
  });
  return {
    powerSatellitesGridW: earthState?.deliveredPowerGridW ?? 0,
    swarmGridW: energy?.swarmDeliveredPowerGridW ?? 0,
    swarmComputeW: energy?.deliveredPowerComputeW ?? 0,
    powerSatellitesRatedDcW: ratedDcW,
    swarmCapitalUsd: growth?.earthImportsUsd ?? null,
    energyPerTaskJ: energy?.energyPerTaskJ ?? null,
    rectennas,
  };
}
