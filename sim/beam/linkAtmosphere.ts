/**
 * The path stage of a link: what the air takes from the beam between the transmitter and a ground receiver.
 * Radio: ITU-R P.676 gases and P.838 rain at the given instantaneous rate (atmosphere.ts). Optical: clear-sky transmission only, with a
 * warning that clouds and turbulence are not modelled. Space links see free space (transmission 1).
 */
import { opticalClearSkyTransmission, radioAtmosphere } from './atmosphere.ts';
import { formatWarningNumber } from './formatWarning.ts';
import type { ResolvedLink } from './input.ts';

export interface LinkAtmosphere {
  readonly gaseousAttenuationDb: number;
  readonly rainAttenuationDb: number;
  /** Fraction of the power the atmosphere passes, [0, 1]. */
  readonly transmission: number;
  readonly warnings: readonly string[];
}

/** The atmosphere's share of a resolved link (ground links have an elevation; space links none). */
export function linkAtmosphere(link: ResolvedLink): LinkAtmosphere {
  let gaseousAttenuationDb = 0;
  let rainAttenuationDb = 0;
  let transmission = 1;
  const warnings: string[] = [];
  if (link.elevationRad !== undefined) {
    if (link.band === 'radio') {
      const air = radioAtmosphere({
        frequencyHz: link.frequencyHz,
        elevationRad: link.elevationRad,
        rainRateMmH: link.rainRateMmH,
        rainHeightM: link.rainHeightM,
        stationHeightM: link.stationHeightM,
        polarisationTiltRad: link.polarisationTiltRad,
        surface: {
          pressurePa: link.surfacePressurePa,
          temperatureK: link.surfaceTemperatureK,
          waterVapourDensityKgM3: link.waterVapourDensityKgM3,
        },
      });
      ({ gaseousAttenuationDb, rainAttenuationDb } = air);
      transmission = air.transmission;
    } else {
      transmission = opticalClearSkyTransmission(link.opticalZenithTransmission, link.elevationRad);
      warnings.push(
        `optical ground link: clouds block the beam and turbulence spreads and wanders it; neither is modelled ` +
          `(clear-sky transmission ${formatWarningNumber(transmission)} from a zenith value of ${link.opticalZenithTransmission})`,
      );
    }
  } else if (link.rainRateMmH > 0) {
    warnings.push('rainRateMmH is ignored: no elevationRad, so this is a space link');
  }
  return { gaseousAttenuationDb, rainAttenuationDb, transmission, warnings };
}
