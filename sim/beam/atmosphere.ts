/**
 * Transmission of the atmosphere on an Earth-space path, for radio (ITU-R models) and optical carriers.
 *
 * Radio (1-350 GHz): clear-air gases (ITU-R P.676-10 Annex 2, gaseous.ts) plus rain at an instantaneous rate
 * (ITU-R P.838-3 specific attenuation, uniform over the slant path below the P.839 rain height; rain.ts). Clouds (P.840) and scintillation are not modelled; at 2.45 and 5.8 GHz they are small.
 *
 * Optical: a clear-sky zenith transmittance raised to the air mass 1/sin(elevation) (Beer-Lambert in a
 * plane-parallel atmosphere). Clouds, which stop a laser beam outright, and turbulence, which spreads and
 * wanders it, are not modelled: the link budget warns instead.
 */
import { gaseousSlantAttenuationDb, type SurfaceAtmosphere } from './gaseous.ts';
import { instantaneousRainAttenuationDb } from './rain.ts';

/** Transmission factor of an attenuation in dB. */
export function dbToTransmission(attenuationDb: number): number {
  return 10 ** (-attenuationDb / 10);
}

/** The path through the atmosphere (ground end), SI units except the rain rate. */
export interface AtmospherePath {
  readonly frequencyHz: number;
  readonly elevationRad: number;
  readonly rainRateMmH: number;
  readonly rainHeightM: number;
  readonly stationHeightM: number;
  readonly polarisationTiltRad: number;
  readonly surface: SurfaceAtmosphere;
}

/** Attenuations (dB) and the resulting transmission of a radio Earth-space path. */
export interface RadioAtmosphere {
  readonly gaseousAttenuationDb: number;
  readonly rainAttenuationDb: number;
  readonly transmission: number;
}

export function radioAtmosphere(path: AtmospherePath): RadioAtmosphere {
  const gaseousAttenuationDb = gaseousSlantAttenuationDb(path.frequencyHz, path.elevationRad, path.surface);
  const rainAttenuationDb = instantaneousRainAttenuationDb({
    frequencyHz: path.frequencyHz,
    elevationRad: path.elevationRad,
    rainRateMmH: path.rainRateMmH,
    rainHeightM: path.rainHeightM,
    stationHeightM: path.stationHeightM,
    tiltRad: path.polarisationTiltRad,
  });
  return {
    gaseousAttenuationDb,
    rainAttenuationDb,
    transmission: dbToTransmission(gaseousAttenuationDb + rainAttenuationDb),
  };
}

/** Clear-sky optical transmission T_zenith^(1/sin el) (plane-parallel air mass). */
export function opticalClearSkyTransmission(zenithTransmission: number, elevationRad: number): number {
  return zenithTransmission ** (1 / Math.sin(elevationRad));
}
