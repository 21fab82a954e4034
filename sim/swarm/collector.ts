/**
 * The one description of a collector that the whole core computes with, SI. sim/scenario/resolve.ts builds it once
 * from the scenario file (degradation per year -> per second, the areal density from the bill of materials, beta
 * and mu(1 - beta) from the areal density); the tracer sampler, the growth model and the snapshot all read this
 * same object.
 */

/**
 * The kinds of part a collector's bill of materials lists. `rf-transmitter` (a microwave phased array) and
 * `laser-transmitter` (a laser head) are what an energy link's first hop radiates through
 * (sim/energy/transmitters.ts); `all-in` is a single published figure for the whole collector that does not say
 * what it contains, which therefore counts as no transmitter.
 */
export const COLLECTOR_PART_KINDS = [
  'photovoltaic',
  'rf-transmitter',
  'laser-transmitter',
  'structure',
  'attitude-control',
  'power-management',
  'thermal',
  'other',
  'all-in',
] as const;
export type CollectorPartKind = (typeof COLLECTOR_PART_KINDS)[number];

/** One line of the bill of materials: mass per area of the collector's whole face, kg/m^2. */
export interface CollectorPart {
  readonly name: string;
  readonly kind: CollectorPartKind;
  readonly arealDensityKgM2: number;
  /** Where the number comes from (a paper or datasheet with its year). */
  readonly source: string;
}

/** Total areal density of a bill of materials, kg/m^2: the sum of its parts (parts are per area of the face). */
export function billArealDensityKgM2(parts: readonly CollectorPart[]): number {
  return parts.reduce((total, part) => total + part.arealDensityKgM2, 0);
}

export interface CollectorSpec {
  readonly unitAreaM2: number;
  /** The bill of materials: one `all-in` part when the scenario gives a single areal density. */
  readonly parts: readonly CollectorPart[];
  /** billArealDensityKgM2(parts), kg/m^2. */
  readonly arealDensityKgM2: number;
  /** unitAreaM2 * arealDensityKgM2, kg. */
  readonly unitMassKg: number;
  readonly conversionEfficiency: number;
  readonly reflectivity: number;
  /** Continuous degradation rate of the conversion efficiency, 1/s: factor exp(-rate * age). */
  readonly degradationRatePerS: number;
  /** Lightness number beta = radiation-pressure acceleration / solar gravity, for a flat Sun-facing sheet. */
  readonly lightnessNumber: number;
  /** GM_sun (1 - beta), m^3/s^2: the collector's Kepler orbits use this. */
  readonly muEffM3S2: number;
}
