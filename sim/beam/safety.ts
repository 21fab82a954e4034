/**
 * Exposure and environmental limits that a power beam is checked against. The budget reports breaches as
 * warnings; it never clips the beam.
 *
 * The plane of each limit. Every limit here is stated on the power crossing a surface normal to the beam, so
 * the budget compares it with the beam-normal density (the magnitude of the Poynting vector), never with the
 * density per unit ground area (beam-normal x sin(elevation), `peakGroundPowerDensityWm2`), which at 30 degrees
 * elevation is half as large and would let twice the flux through:
 * - exposure: the reference levels bound the incident power density of the unperturbed field, "the power
 *   crossing unit area normal to the direction of wave propagation" (ICNIRP 1998 glossary, kept by ICNIRP 2020,
 *   Table 5 and its note 3: averaged over the projected whole-body space); IEEE C95.1-2019 defines power
 *   density the same way (power per unit area normal to the direction of propagation; FCC OET Bulletin 65
 *   likewise). A person standing in the beam is exposed to that flux whatever the ground's slope.
 * - the rectenna edge: the 1 mW/cm^2 of DOE/ER-0023 is that same public exposure level, met by the beam at the
 *   rectenna's outline on the ground, i.e. the beam-normal density at the outline's distance from the axis.
 * - the ionosphere: heating per unit volume is the absorption coefficient times the flux along the beam.
 * What does lie in the ground plane is where people are: the exclusion zone is reported on the ground
 * (exposure.ts).
 *
 * Public and occupational exposure, whole-body average incident power density (plane-wave, normal to the
 * beam), radio frequencies only:
 *   ICNIRP 2020 guidelines (Health Physics 118(5):483-524), Table 5:
 *     general public   400 MHz - 2 GHz: f_MHz / 200 W/m^2;   2 - 300 GHz: 10 W/m^2
 *     occupational     400 MHz - 2 GHz: f_MHz / 40 W/m^2;    2 - 300 GHz: 50 W/m^2
 *   IEEE C95.1-2019 exposure reference levels for unrestricted environments use the same whole-body values
 *   above 400 MHz (the 2019 revision harmonised them with ICNIRP).
 *   10 W/m^2 = 1 mW/cm^2 is the density the 1979 reference rectenna was sized to at its edge (DOE/ER-0023).
 *
 * Ionosphere: the SPS studies capped the beam at 23 mW/cm^2 = 230 W/m^2 at 2.45 GHz to stay below the
 * threshold of non-linear (thermal runaway) heating of the lower ionosphere (NASA JSC 1976 "Initial technical,
 * environmental and economic evaluation of space solar power concepts", vol. 2, IV.A.2; DOE/ER-0023 1978,
 * guideline of 23 mW/cm^2 at the rectenna centre). Collisional heating per unit incident power density falls
 * as nu / (omega^2 + nu^2), about 1/f^2 at these frequencies, so this model scales the limit by
 * (f / 2.45 GHz)^2; that scaling is an assumption of the model, and the value is a guideline, not a standard.
 */

/** General-public whole-body reference level for incident power density, W/m^2 (ICNIRP 2020 Table 5). */
export function publicExposureLimitWm2(frequencyHz: number): number {
  const fMHz = frequencyHz / 1e6;
  if (fMHz < 400) return 2;
  return fMHz < 2000 ? fMHz / 200 : 10;
}

/** Occupational whole-body reference level for incident power density, W/m^2 (ICNIRP 2020 Table 5). */
export function occupationalExposureLimitWm2(frequencyHz: number): number {
  const fMHz = frequencyHz / 1e6;
  if (fMHz < 400) return 10;
  return fMHz < 2000 ? fMHz / 40 : 50;
}

/** Reference ionospheric heating guideline at 2.45 GHz, W/m^2 (23 mW/cm^2; JSC 1976, DOE/ER-0023). */
export const IONOSPHERIC_LIMIT_2_45_GHZ_WM2 = 230;
const REFERENCE_FREQUENCY_HZ = 2.45e9;

/** Ionospheric heating guideline at frequency f, W/m^2: 230 (f / 2.45 GHz)^2 (see the module comment). */
export function ionosphericLimitWm2(frequencyHz: number): number {
  return IONOSPHERIC_LIMIT_2_45_GHZ_WM2 * (frequencyHz / REFERENCE_FREQUENCY_HZ) ** 2;
}
