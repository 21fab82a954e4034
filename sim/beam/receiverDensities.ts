/**
 * Power densities the receiver sees, normal to the beam: on axis (from the taper's moments), the highest on the
 * receiver's outline (64 points of the ellipse and its nearest edge point), and the highest at or beyond the
 * nearest edge, sidelobes included (the computed profile scanned outwards).
 */
import { intensityAt, type BeamProfile } from './diffraction.ts';
import { nearestEdgeDistanceM, type ReceiverEllipse } from './receiver.ts';
import type { ApertureTaper } from './taper.ts';

export interface ReceiverDensities {
  /** On-axis density, W/m^2. */
  readonly peakPowerDensityWm2: number;
  /** Highest density on the receiver outline, W/m^2. */
  readonly edgePowerDensityWm2: number;
  /** Highest density at or beyond the nearest receiver edge, W/m^2. */
  readonly maxOutsidePowerDensityWm2: number;
}

/**
 * The densities for a beam profile scaled by `densityScale` (W/m^2 per unit of the profile's intensity), with
 * `uPerM` the profile's u per metre and `edgeEllipse` the receiver (semi-axes `minor` along x, `major` along y,
 * centred where the static pointing error puts it).
 */
export function receiverDensities(
  profile: BeamProfile,
  taper: ApertureTaper,
  densityScale: number,
  uPerM: number,
  edgeEllipse: ReceiverEllipse,
  minor: number,
  major: number,
): ReceiverDensities {
  const densityAtM = (rM: number): number => densityScale * intensityAt(profile, uPerM * rM);
  const peakPowerDensityWm2 = (densityScale * taper.firstMoment * taper.firstMoment) / taper.powerMoment;
  let edgePowerDensityWm2 = 0;
  const outlineSamples = 64;
  for (let k = 0; k < outlineSamples; k++) {
    const t = (2 * Math.PI * k) / outlineSamples;
    const x = edgeEllipse.centreXM + minor * Math.cos(t);
    const y = edgeEllipse.centreYM + major * Math.sin(t);
    edgePowerDensityWm2 = Math.max(edgePowerDensityWm2, densityAtM(Math.hypot(x, y)));
  }
  const nearestEdgeM = nearestEdgeDistanceM(edgeEllipse);
  edgePowerDensityWm2 = Math.max(edgePowerDensityWm2, densityAtM(nearestEdgeM));
  let maxOutsidePowerDensityWm2 = edgePowerDensityWm2;
  const firstOutside = Math.ceil((uPerM * nearestEdgeM) / profile.stepU);
  for (let j = firstOutside; j < profile.count; j++) {
    maxOutsidePowerDensityWm2 = Math.max(
      maxOutsidePowerDensityWm2,
      densityScale * (profile.intensity[j] as number),
    );
  }
  return { peakPowerDensityWm2, edgePowerDensityWm2, maxOutsidePowerDensityWm2 };
}
