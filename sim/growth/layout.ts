/**
 * Memory layout of the growth model's state vector (one Float64Array, structure of arrays by offset):
 *   [site 0 block][site 1 block]...[path 0 block][path 1 block]...[global block]
 * A "path" is one (site, target shell) pair, in site order then target order. Units are in the slot names.
 * Every slot is integrated by the same RK4 step, so linear identities between slots (the mass and energy ledgers)
 * hold to rounding at every sample.
 */
import type { GrowthParams } from './params.ts';

/** Per-site slots. */
export const SITE = {
  /** Commissioned (working) factory mass, kg. */
  factoryKg: 0,
  /** Factory mass under construction (batch growth), kg. */
  wipKg: 1,
  /** Regolith mined, cumulative, kg. */
  minedKg: 2,
  /** Mass imported from Earth (landings + vitamins), cumulative, kg. */
  importedKg: 3,
  /** Cost of the imports, cumulative, USD. */
  importedUsd: 4,
  /** Factory mass lost to failures, cumulative, kg. */
  lossesKg: 5,
  /** Mined mass not turned into product (slag, tailings), cumulative, kg. */
  wasteKg: 6,
  /** Gross output (new factories + collectors), cumulative, kg: drives the learning curve. */
  outputKg: 7,
  /** Mining, refining and fabrication energy, cumulative, J. */
  processingJ: 8,
  /** Kinetic energy given to launched mass, cumulative, J. */
  launchKineticJ: 9,
  /** Mass-driver losses (electrical minus kinetic), cumulative, J. */
  launchLossJ: 10,
  /** Electrical energy available to the site (own plant + beamed), cumulative, J. */
  availableJ: 11,
  /** Available energy left unused, cumulative, J. */
  curtailedJ: 12,
  /** Mass landed from Earth as seed and resupply (part of importedKg), cumulative, kg. */
  landedKg: 13,
} as const;
export const SITE_STRIDE = 14;

/** Per-path slots. */
export const PATH = {
  /** Collector mass launched, cumulative, kg. */
  launchedKg: 0,
  /** Collector mass arrived on station, cumulative, kg. */
  onStationKg: 1,
  /** Collector area on station weighted by its degradation factor exp(-rate * age), m^2. */
  effectiveAreaM2: 2,
  /** Propellant launched with the path's collectors, cumulative, kg (burnt on the way, or spent). */
  propellantKg: 3,
  /** Thrusters and power processing launched with the path's collectors, cumulative, kg. */
  thrusterKg: 4,
} as const;
export const PATH_STRIDE = 5;

/** Global slots. */
export const GLOBAL = {
  /** Electrical energy captured by the swarm on station, cumulative, J. */
  capturedJ: 0,
} as const;
export const GLOBAL_STRIDE = 1;

/** Offsets of the blocks for one parameter set. */
export interface Layout {
  readonly siteCount: number;
  readonly pathCount: number;
  /** Offset of path p's block. */
  readonly pathOffset: (p: number) => number;
  /** Offset of site s's block. */
  readonly siteOffset: (s: number) => number;
  readonly globalOffset: number;
  readonly size: number;
  /** For path p: its site index and target index within that site. */
  readonly pathSite: readonly number[];
  readonly pathTarget: readonly number[];
  /** First path index of each site. */
  readonly sitePathStart: readonly number[];
}

export function makeLayout(params: GrowthParams): Layout {
  const pathSite: number[] = [];
  const pathTarget: number[] = [];
  const sitePathStart: number[] = [];
  params.sites.forEach((site, s) => {
    sitePathStart.push(pathSite.length);
    site.targets.forEach((_, t) => {
      pathSite.push(s);
      pathTarget.push(t);
    });
  });
  const siteCount = params.sites.length;
  const pathCount = pathSite.length;
  const pathBase = siteCount * SITE_STRIDE;
  const globalOffset = pathBase + pathCount * PATH_STRIDE;
  return {
    siteCount,
    pathCount,
    siteOffset: (s) => s * SITE_STRIDE,
    pathOffset: (p) => pathBase + p * PATH_STRIDE,
    globalOffset,
    size: globalOffset + GLOBAL_STRIDE,
    pathSite,
    pathTarget,
    sitePathStart,
  };
}
