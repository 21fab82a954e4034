/**
 * How bright the swarm's points are drawn: from the real collectors' area, not from the tracer count, so that the
 * same swarm at 2,000 and at 2,000,000 tracers gives the same picture at different resolutions (issue 15: 2 M
 * tracers blew 34 k collectors out to a white band; 99 billion collectors showed as 127 faint dots).
 *
 * The swarm's light is a budget of LIGHT_PER_DECADE point footprints (one point at full intensity) per decade of
 * collector area above MIN_AREA_M2 (logarithmic: swarms span twenty decades). It is shared by the tracers drawn:
 *   per-point light I = budget / drawn.
 * A point dimmer than MIN_POINT_INTENSITY would round away in an 8-bit framebuffer, so below it a random subset of
 * keep = I / MIN_POINT_INTENSITY of the tracers is drawn, each at MIN_POINT_INTENSITY (the same light in
 * expectation, shown at the resolution the framebuffer can hold). A point brighter than 1 grows instead: its size
 * scales by sqrt(I) (its footprint by I), up to MAX_SIZE_SCALE; past that the picture saturates.
 *
 * The mean weight is the snapshot's (collectors per tracer on station): the page has no per-tracer weights.
 */

/** Point footprints of light per decade of collector area. */
export const LIGHT_PER_DECADE = 350;
/** Collector area that gives no light, m² (a swarm of a few collectors is below a pixel's worth). */
export const MIN_AREA_M2 = 100;
/** Dimmest point drawn, as a fraction of full intensity (about 90/255 at the centre of the glow). */
export const MIN_POINT_INTENSITY = 0.35;
/** Largest growth of a point's size (its footprint grows by the square). */
export const MAX_SIZE_SCALE = 3;

export interface SwarmLight {
  /** The light budget, point footprints. */
  readonly budget: number;
  /** Intensity of each drawn point, 0..1. */
  readonly intensity: number;
  /** Fraction of the tracers drawn, 0..1. */
  readonly keep: number;
  /** Point size factor, >= 1. */
  readonly sizeScale: number;
}

/** The light of a swarm of `areaM2` of collectors drawn with `drawn` tracers. */
export function swarmLight(areaM2: number, drawn: number): SwarmLight {
  const budget = areaM2 > MIN_AREA_M2 ? LIGHT_PER_DECADE * Math.log10(areaM2 / MIN_AREA_M2) : 0;
  if (!(drawn > 0) || !(budget > 0)) return { budget, intensity: 0, keep: 0, sizeScale: 1 };
  const perPoint = budget / drawn;
  if (perPoint < MIN_POINT_INTENSITY) {
    return { budget, intensity: MIN_POINT_INTENSITY, keep: perPoint / MIN_POINT_INTENSITY, sizeScale: 1 };
  }
  if (perPoint <= 1) return { budget, intensity: perPoint, keep: 1, sizeScale: 1 };
  return { budget, intensity: 1, keep: 1, sizeScale: Math.min(MAX_SIZE_SCALE, Math.sqrt(perPoint)) };
}
