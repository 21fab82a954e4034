/**
 * The one description of a collector that the whole core computes with, SI. sim/scenario/resolve.ts builds it once
 * from the scenario file (degradation per year -> per second, beta and mu(1 - beta) from the areal density); the
 * tracer sampler, the growth model and the snapshot all read this same object.
 */
export interface CollectorSpec {
  readonly unitAreaM2: number;
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
