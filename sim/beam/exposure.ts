/**
 * Safety and environmental limits of a link: the general-public and occupational exposure limits (ICNIRP 2020
 * Table 5; IEEE C95.1-2019), the radius beyond which the density stays below the public limit, and the
 * ionospheric heating guideline (JSC 1976, DOE/ER-0023, scaled as f^2) for radio ground links; a warning that
 * laser exposure limits are not evaluated for optical ground links.
 *
 * Planes: every limit is compared with the beam-normal density, the plane it is defined in (safety.ts). The
 * exclusion zone is where people stand, so for a ground link it is also given on the ground: the ground point
 * at distance s along the beam's azimuth from where the axis meets the ground is s sin(el) from the axis, and one
 * at s across it is s away, so a beam-normal radius r is the ground ellipse of semi-axes r across and
 * r / sin(el) along (the receiver projection of geometry.ts, inverted).
 */
import type { BeamProfile } from './diffraction.ts';
import { formatWarningNumber } from './formatWarning.ts';
import type { ResolvedLink } from './input.ts';
import type { ReceiverDensities } from './receiverDensities.ts';
import { ionosphericLimitWm2, occupationalExposureLimitWm2, publicExposureLimitWm2 } from './safety.ts';

/** An exclusion zone on the ground: an ellipse centred where the beam axis meets the ground. */
export interface ExclusionGround {
  /** Semi-axis across the beam's azimuth, m (the beam-normal radius). */
  readonly acrossM: number;
  /** Semi-axis along the beam's azimuth, m (the beam-normal radius / sin(elevation)). */
  readonly alongM: number;
}

/** The ground ellipse of a beam-normal radius for a beam arriving at `elevationRad` (see the module comment). */
export function groundEllipseOf(beamNormalRadiusM: number, elevationRad: number): ExclusionGround {
  return { acrossM: beamNormalRadiusM, alongM: beamNormalRadiusM / Math.sin(elevationRad) };
}

export interface ExposureLimits {
  /** General-public whole-body limit, W/m^2; null for optical links. */
  readonly publicLimit: number | null;
  /** Ionospheric heating guideline, W/m^2; null for optical or space links. */
  readonly ionosphericLimit: number | null;
  /** Beam-normal radius beyond which the density stays below the public limit, m; null if never above it. */
  readonly exclusionRadiusM: number | null;
  /** The same zone on the ground (ground links): semi-axes across and along the beam's azimuth, m. */
  readonly exclusionGround: ExclusionGround | null;
  readonly warnings: readonly string[];
}

/** The limits and their warnings for a link whose profile is scaled by `densityScale` (see receiverDensities). */
export function exposureLimits(
  link: ResolvedLink,
  profile: BeamProfile,
  densityScale: number,
  uPerM: number,
  densities: ReceiverDensities,
): ExposureLimits {
  const { peakPowerDensityWm2, edgePowerDensityWm2, maxOutsidePowerDensityWm2 } = densities;
  const groundLink = link.elevationRad !== undefined;
  const warnings: string[] = [];
  let publicLimit: number | null = null;
  let ionosphericLimit: number | null = null;
  let exclusionRadiusM: number | null = null;
  let exclusionGround: ExclusionGround | null = null;
  if (link.band === 'radio') {
    publicLimit = publicExposureLimitWm2(link.frequencyHz);
    let lastAbove = -1;
    for (let j = 0; j < profile.count; j++)
      if (densityScale * (profile.intensity[j] as number) >= publicLimit) lastAbove = j;
    if (lastAbove >= 0) exclusionRadiusM = ((lastAbove + 1) * profile.stepU) / uPerM;
    if (lastAbove === profile.count - 1) {
      warnings.push(
        `the density is still above the public limit ${formatWarningNumber(publicLimit)} W/m^2 at ${formatWarningNumber(exclusionRadiusM ?? 0)} m, ` +
          'the edge of the computed pattern: the exclusion radius is a lower bound',
      );
    }
    if (groundLink && exclusionRadiusM !== null)
      exclusionGround = groundEllipseOf(exclusionRadiusM, link.elevationRad as number);
    if (groundLink) {
      ionosphericLimit = ionosphericLimitWm2(link.frequencyHz);
      const limitText = `general-public whole-body limit ${formatWarningNumber(publicLimit)} W/m^2 on the beam-normal density (ICNIRP 2020 Table 5; IEEE C95.1-2019)`;
      if (edgePowerDensityWm2 > publicLimit) {
        warnings.push(
          `rectenna edge density ${formatWarningNumber(edgePowerDensityWm2)} W/m^2 exceeds the ${limitText}; ` +
            `keep the public out of the ground ellipse ${formatWarningNumber(exclusionGround?.acrossM ?? 0)} m across by ` +
            `${formatWarningNumber(exclusionGround?.alongM ?? 0)} m along the beam's azimuth (semi-axes, from where the beam axis meets the ground)`,
        );
      } else if (maxOutsidePowerDensityWm2 > publicLimit) {
        warnings.push(
          `density outside the rectenna reaches ${formatWarningNumber(maxOutsidePowerDensityWm2)} W/m^2 (sidelobes), above the ${limitText}`,
        );
      }
      const occupational = occupationalExposureLimitWm2(link.frequencyHz);
      if (peakPowerDensityWm2 > occupational) {
        warnings.push(
          `peak density ${formatWarningNumber(peakPowerDensityWm2)} W/m^2 exceeds the occupational limit ${formatWarningNumber(occupational)} W/m^2 ` +
            `(ICNIRP 2020): no one works inside the rectenna while the beam is on`,
        );
      }
      if (peakPowerDensityWm2 > ionosphericLimit) {
        warnings.push(
          `peak density ${formatWarningNumber(peakPowerDensityWm2)} W/m^2 exceeds the ionospheric heating guideline ` +
            `${formatWarningNumber(ionosphericLimit)} W/m^2 (23 mW/cm^2 at 2.45 GHz, scaled as f^2; JSC 1976, DOE/ER-0023)`,
        );
      }
    }
  } else if (groundLink) {
    warnings.push(
      `laser beam at ${formatWarningNumber(peakPowerDensityWm2)} W/m^2 on axis: eye and skin exposure limits ` +
        `(ICNIRP 2013 laser guidelines, IEC 60825-1) are not evaluated; airspace and ground around the receiver need closing`,
    );
  }
  return { publicLimit, ionosphericLimit, exclusionRadiusM, exclusionGround, warnings };
}
