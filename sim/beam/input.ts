/**
 * The link description (`LinkInput`, JSON-friendly, SI units) and its validation into a fully specified
 * `ResolvedLink`. Every refusal is an InputError naming the field, the value and the accepted range.
 */
import { z } from 'zod';
import { SPEED_OF_LIGHT_M_S } from '../constants.ts';
import { InputError } from '../errors.ts';
import {
  STANDARD_SURFACE_PRESSURE_PA,
  STANDARD_SURFACE_TEMPERATURE_K,
  STANDARD_WATER_VAPOUR_DENSITY_KG_M3,
} from './gaseous.ts';
import { CIRCULAR_POLARISATION_TILT_RAD } from './rain.ts';

/** Radio carriers the model covers, Hz: ITU-R P.676 Annex 2 / P.838 and the ICNIRP 2020 tables overlap here. */
export const RADIO_MIN_FREQUENCY_HZ = 1e9;
export const RADIO_MAX_FREQUENCY_HZ = 300e9;
/** Optical carriers the model covers, m (near-UV to thermal infrared lasers). */
export const OPTICAL_MIN_WAVELENGTH_M = 0.2e-6;
export const OPTICAL_MAX_WAVELENGTH_M = 12e-6;

/** Elevation range of the ITU-R slant-path methods (P.676 Annex 2 and P.618: 5 to 90 degrees), rad. */
export const MIN_ELEVATION_RAD = (5 * Math.PI) / 180;

/**
 * Paraxial limit: the transmitter and receiver radii together must not exceed this fraction of the distance
 * (the Fresnel integral's small-angle condition; 0.1 rad keeps the neglected quartic phase small).
 */
export const PARAXIAL_LIMIT = 0.1;

/**
 * Defaults, each with its source.
 * - Radio DC-to-RF 0.70 and rectenna reception 0.78: NASA OTPS 2024 "Space-Based Solar Power" Table 4, after
 *   Rodenbeck et al. 2021 (IEEE J. Microwaves 1(1)).
 * - Laser wall-plug 0.40: an assumption for diode-pumped fibre lasers, whose optical-to-optical efficiency
 *   exceeds 50 % (RP Photonics Encyclopedia, "High-power fiber lasers and amplifiers") behind pump diodes of
 *   50-60 % electrical efficiency.
 * - Laser photovoltaic receiver 0.50: multi-junction laser power converters tuned to the line reach 51 % (InP,
 *   near 1.06-1.55 um) and 61 % (GaAs, near 0.8 um) (Fafard & Masson, Photonics 10(8):940, 2023), against
 *   about 30-35 % for space solar cells under sunlight.
 * - Taper 10 dB: the SPS reference system (DOE/ER-0023).
 * - Rain height 3000 m: a typical mid-latitude value of ITU-R P.839-4 (zero-degree isotherm + 360 m), which
 *   ranges from about 1 to 5 km over the globe; pass the site's value.
 * - Optical clear-sky zenith transmittance 0.8: an assumption for a sea-level site near 1 um with clear air;
 *   pass the site's value.
 * - Target beam-collection efficiency 0.9 for the required-aperture solver.
 * - Latitude: optional and descriptive; the instantaneous rain model (rain.ts) does not depend on it (only
 *   P.618's exceedance statistics do, which a single link does not use).
 * - Polarisation: circular (tilt 45 deg in P.838-3).
 * - Receiver conversion independent of density (rxHalfEfficiencyDensityWm2 = 0); see rectenna.ts.
 */
export const LINK_DEFAULTS = {
  radioDcRfEfficiency: 0.7,
  radioRxEfficiency: 0.78,
  opticalWallPlugEfficiency: 0.4,
  opticalPvEfficiency: 0.5,
  taperDb: 10,
  rainHeightM: 3000,
  opticalZenithTransmission: 0.8,
  targetEfficiency: 0.9,
} as const;

const finite = z.number();

/** A link as a user writes it (JSON file or flags). SI units; angles in radians. */
export const linkInputSchema = z
  .object({
    name: z.string().optional(),
    frequencyHz: finite.optional(),
    wavelengthM: finite.optional(),
    txPowerW: finite,
    dcRfEfficiency: finite.optional(),
    txDiameterM: finite,
    taperDb: finite.optional(),
    phaseErrorRmsRad: finite.optional(),
    pointingErrorRad: finite.optional(),
    pointingJitterRad: finite.optional(),
    beamQualityM2: finite.optional(),
    distanceM: finite,
    rxDiameterM: finite.optional(),
    rxWidthM: finite.optional(),
    rxLengthM: finite.optional(),
    rxEfficiency: finite.optional(),
    rxHalfEfficiencyDensityWm2: finite.optional(),
    rxApertureEfficiency: finite.optional(),
    elevationRad: finite.optional(),
    rainRateMmH: finite.optional(),
    rainHeightM: finite.optional(),
    stationHeightM: finite.optional(),
    latitudeRad: finite.optional(),
    polarisationTiltRad: finite.optional(),
    surfacePressurePa: finite.optional(),
    surfaceTemperatureK: finite.optional(),
    waterVapourDensityKgM3: finite.optional(),
    opticalZenithTransmission: finite.optional(),
    targetEfficiency: finite.optional(),
  })
  .strict();

/**
 * A link as a user writes it. Exactly one of frequencyHz / wavelengthM; either rxDiameterM or both rxWidthM and
 * rxLengthM. Receiver sizes are on the ground for ground links (elevationRad given) and normal to the beam
 * for space links. txPowerW is the RF (or optical) power radiated; the DC input is txPowerW / dcRfEfficiency.
 */
export type LinkInput = z.input<typeof linkInputSchema>;

/** Carrier band: radio (ITU-R atmosphere, rectenna) or optical (laser, photovoltaic receiver). */
export type Band = 'radio' | 'optical';

/** A validated link with every default filled in. */
export interface ResolvedLink {
  readonly name: string | undefined;
  readonly band: Band;
  readonly frequencyHz: number;
  readonly wavelengthM: number;
  readonly txPowerW: number;
  readonly dcRfEfficiency: number;
  readonly txDiameterM: number;
  readonly taperDb: number;
  readonly phaseErrorRmsRad: number;
  readonly pointingErrorRad: number;
  readonly pointingJitterRad: number;
  readonly beamQualityM2: number;
  readonly distanceM: number;
  /** Receiver width and length (ground plane for ground links, beam-normal for space links), m. */
  readonly rxWidthM: number;
  readonly rxLengthM: number;
  readonly rxEfficiency: number;
  readonly rxHalfEfficiencyDensityWm2: number;
  readonly rxApertureEfficiency: number;
  readonly elevationRad: number | undefined;
  readonly rainRateMmH: number;
  readonly rainHeightM: number;
  readonly stationHeightM: number;
  readonly latitudeRad: number | undefined;
  readonly polarisationTiltRad: number;
  readonly surfacePressurePa: number;
  readonly surfaceTemperatureK: number;
  readonly waterVapourDensityKgM3: number;
  readonly opticalZenithTransmission: number;
  readonly targetEfficiency: number;
}

function fail(field: string, rule: string, value: unknown): never {
  throw new InputError(`must be ${rule}, got ${String(value)}`, field);
}

function positive(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) fail(field, '> 0', value);
  return value;
}

function nonNegative(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) fail(field, '>= 0', value);
  return value;
}

function fraction(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > 1) fail(field, 'within (0, 1]', value);
  return value;
}

function within(field: string, value: number, lo: number, hi: number, unit: string, note = ''): number {
  if (!Number.isFinite(value) || value < lo || value > hi)
    fail(field, `within [${lo}, ${hi}] ${unit}${note}`, value);
  return value;
}

/** Validate and complete a link. Throws InputError naming the first bad field. */
export function resolveLink(raw: unknown): ResolvedLink {
  const parsed = linkInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue === undefined || issue.path.length === 0 ? 'link' : issue.path.map(String).join('.');
    const missing = issue?.code === 'invalid_type' && issue.message.endsWith('received undefined');
    throw new InputError(
      missing ? 'is required (a number in SI units)' : (issue?.message ?? 'invalid link'),
      path,
    );
  }
  const link = parsed.data;

  // Carrier.
  if ((link.frequencyHz === undefined) === (link.wavelengthM === undefined)) {
    throw new InputError('give exactly one of frequencyHz and wavelengthM', 'frequencyHz');
  }
  const frequencyHz =
    link.frequencyHz ?? SPEED_OF_LIGHT_M_S / positive('wavelengthM', link.wavelengthM as number);
  const field = link.frequencyHz === undefined ? 'wavelengthM' : 'frequencyHz';
  const wavelengthM = SPEED_OF_LIGHT_M_S / positive(field, frequencyHz);
  let band: Band;
  if (frequencyHz >= RADIO_MIN_FREQUENCY_HZ && frequencyHz <= RADIO_MAX_FREQUENCY_HZ) band = 'radio';
  else if (wavelengthM >= OPTICAL_MIN_WAVELENGTH_M && wavelengthM <= OPTICAL_MAX_WAVELENGTH_M)
    band = 'optical';
  else {
    const value = field === 'frequencyHz' ? frequencyHz : wavelengthM;
    throw new InputError(
      field === 'frequencyHz'
        ? `must be within [1e9, 3e11] Hz (radio: ITU-R P.676/P.838, ICNIRP 2020) or [2.5e13, 1.5e15] Hz ` +
            `(optical, 0.2-12 um); the model has no physics in between, got ${value}`
        : `must be within [2e-7, 1.2e-5] m (optical) or [1e-3, 0.3] m (radio), got ${value}`,
      field,
    );
  }

  // Receiver outline.
  let rxWidthM: number;
  let rxLengthM: number;
  if (link.rxDiameterM !== undefined) {
    if (link.rxWidthM !== undefined || link.rxLengthM !== undefined) {
      throw new InputError('give either rxDiameterM or rxWidthM with rxLengthM, not both', 'rxDiameterM');
    }
    rxWidthM = rxLengthM = positive('rxDiameterM', link.rxDiameterM);
  } else if (link.rxWidthM !== undefined && link.rxLengthM !== undefined) {
    rxWidthM = positive('rxWidthM', link.rxWidthM);
    rxLengthM = positive('rxLengthM', link.rxLengthM);
  } else {
    throw new InputError(
      'give rxDiameterM, or rxWidthM with rxLengthM (m)',
      link.rxWidthM === undefined ? 'rxDiameterM' : 'rxLengthM',
    );
  }

  const elevationRad =
    link.elevationRad === undefined
      ? undefined
      : within(
          'elevationRad',
          link.elevationRad,
          MIN_ELEVATION_RAD,
          Math.PI / 2,
          'rad',
          ' (5-90 deg, ITU-R P.676/P.618)',
        );
  const radio = band === 'radio';
  const stationHeightM = within('stationHeightM', link.stationHeightM ?? 0, -500, 9000, 'm');
  const rainHeightM = within('rainHeightM', link.rainHeightM ?? LINK_DEFAULTS.rainHeightM, 0, 10_000, 'm');

  const resolved: ResolvedLink = {
    name: link.name,
    band,
    frequencyHz,
    wavelengthM,
    txPowerW: positive('txPowerW', link.txPowerW),
    dcRfEfficiency: fraction(
      'dcRfEfficiency',
      link.dcRfEfficiency ??
        (radio ? LINK_DEFAULTS.radioDcRfEfficiency : LINK_DEFAULTS.opticalWallPlugEfficiency),
    ),
    txDiameterM: positive('txDiameterM', link.txDiameterM),
    taperDb: within('taperDb', link.taperDb ?? LINK_DEFAULTS.taperDb, 0, 40, 'dB'),
    phaseErrorRmsRad: within('phaseErrorRmsRad', link.phaseErrorRmsRad ?? 0, 0, 1.5, 'rad'),
    pointingErrorRad: within('pointingErrorRad', link.pointingErrorRad ?? 0, 0, 0.1, 'rad'),
    pointingJitterRad: within('pointingJitterRad', link.pointingJitterRad ?? 0, 0, 0.1, 'rad'),
    beamQualityM2: within('beamQualityM2', link.beamQualityM2 ?? 1, 1, 1000, ''),
    distanceM: positive('distanceM', link.distanceM),
    rxWidthM,
    rxLengthM,
    rxEfficiency: fraction(
      'rxEfficiency',
      link.rxEfficiency ?? (radio ? LINK_DEFAULTS.radioRxEfficiency : LINK_DEFAULTS.opticalPvEfficiency),
    ),
    rxHalfEfficiencyDensityWm2: nonNegative(
      'rxHalfEfficiencyDensityWm2',
      link.rxHalfEfficiencyDensityWm2 ?? 0,
    ),
    rxApertureEfficiency: fraction('rxApertureEfficiency', link.rxApertureEfficiency ?? 1),
    elevationRad,
    rainRateMmH: within('rainRateMmH', link.rainRateMmH ?? 0, 0, 300, 'mm/h'),
    rainHeightM,
    stationHeightM,
    latitudeRad:
      link.latitudeRad === undefined
        ? undefined
        : within('latitudeRad', link.latitudeRad, -Math.PI / 2, Math.PI / 2, 'rad'),
    polarisationTiltRad: within(
      'polarisationTiltRad',
      link.polarisationTiltRad ?? CIRCULAR_POLARISATION_TILT_RAD,
      -Math.PI / 2,
      Math.PI / 2,
      'rad',
    ),
    surfacePressurePa: within(
      'surfacePressurePa',
      link.surfacePressurePa ?? STANDARD_SURFACE_PRESSURE_PA,
      3e4,
      1.2e5,
      'Pa',
    ),
    surfaceTemperatureK: within(
      'surfaceTemperatureK',
      link.surfaceTemperatureK ?? STANDARD_SURFACE_TEMPERATURE_K,
      180,
      340,
      'K',
    ),
    waterVapourDensityKgM3: within(
      'waterVapourDensityKgM3',
      link.waterVapourDensityKgM3 ?? STANDARD_WATER_VAPOUR_DENSITY_KG_M3,
      0,
      0.05,
      'kg/m^3',
    ),
    opticalZenithTransmission: fraction(
      'opticalZenithTransmission',
      link.opticalZenithTransmission ?? LINK_DEFAULTS.opticalZenithTransmission,
    ),
    targetEfficiency: within(
      'targetEfficiency',
      link.targetEfficiency ?? LINK_DEFAULTS.targetEfficiency,
      1e-6,
      0.9999,
      '',
    ),
  };

  // Paraxial (Fresnel) validity of the diffraction model.
  const semiMax = Math.max(rxWidthM, rxLengthM) / 2;
  const minDistance = (resolved.txDiameterM / 2 + semiMax) / PARAXIAL_LIMIT;
  if (resolved.distanceM < minDistance) {
    throw new InputError(
      `must be >= ${minDistance} m: the paraxial Fresnel model needs (tx radius + rx radius) <= ${PARAXIAL_LIMIT} x distance, got ${resolved.distanceM}`,
      'distanceM',
    );
  }
  return resolved;
}
