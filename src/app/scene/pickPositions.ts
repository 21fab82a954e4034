/**
 * Where the pickable objects are drawn, in render space (Mm, heliocentric ECLIPJ2000 minus the frame's origin), at
 * the frame's time: the same placements the scene's layers use (EarthSegment.tsx, PowerLinks.tsx, Swarm.tsx), so a
 * click lands on what the user sees. Pure functions of the frame, the snapshot and the world; no allocation per
 * collector.
 */
import { gmstRad } from '../../../sim/geometry/earthRotation.ts';
import type { SwarmRenderBuffers } from '../../../sim/stream/renderBuffers.ts';
import { tracerHelioPositionM } from '../state/pickedPositions.ts';
import type { SnapshotView } from '../state/store.ts';
import { BODIES } from '../state/targets.ts';
import { earthFixedToEcliptic } from './earthRotation.ts';
import type { SceneFrame } from './sceneFrame.ts';

const _fixed = new Float32Array(3);
const _earth = {
  x: 0,
  y: 0,
  z: 0,
  set(x: number, y: number, z: number): void {
    this.x = x;
    this.y = y;
    this.z = z;
  },
};

/**
 * Render-space position of an Earth-fixed point (geocentric latitude and longitude, rad; distance from the
 * Earth's centre, Mm) at the frame's time, into out[0..2] (float64, unlike the scene's float32 buffers).
 */
export function earthFixedRenderPosition(
  frame: SceneFrame,
  latitudeRad: number,
  longitudeRad: number,
  radiusMm: number,
  out: number[],
): void {
  earthFixedToEcliptic(latitudeRad, longitudeRad, radiusMm, gmstRad(frame.timeTdbS), _fixed, 0);
  frame.renderPosition('earth', _earth);
  out[0] = _earth.x + (_fixed[0] as number);
  out[1] = _earth.y + (_fixed[1] as number);
  out[2] = _earth.z + (_fixed[2] as number);
}

/** A power satellite's render position (EarthSegment.tsx places it at its geodetic height over the radius). */
export function satelliteRenderPosition(
  frame: SceneFrame,
  satellite: NonNullable<SnapshotView['earth']>['satellites'][number],
  out: number[],
): void {
  const radius = BODIES.earth.radiusMm + satellite.heightM / 1e6;
  earthFixedRenderPosition(frame, satellite.latitudeRad, satellite.longitudeRad, radius, out);
}

/** A rectenna's render position (EarthSegment.tsx: just above the surface). */
export function rectennaRenderPosition(
  frame: SceneFrame,
  site: NonNullable<SnapshotView['earth']>['sites'][number],
  out: number[],
): void {
  earthFixedRenderPosition(frame, site.latitudeRad, site.longitudeRad, BODIES.earth.radiusMm * 1.003, out);
}

/** Tracer `k`'s render position, Mm, at the frame's time, into out[0..2]. */
export function tracerRenderPosition(
  frame: SceneFrame,
  swarm: SwarmRenderBuffers,
  k: number,
  out: number[],
): void {
  tracerHelioPositionM(swarm, k, frame.timeTdbS, out);
  for (let c = 0; c < 3; c += 1) out[c] = (out[c] as number) / 1e6 - (frame.origin[c] as number);
}
