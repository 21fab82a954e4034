/**
 * Transmitter presets for the three sizes of the 2030-2040 story. A scenario may name one (`powerClass`) and
 * override any field. All at 5.8 GHz (the ISM band of JAXA's SSPS studies and of NASA's 2024 RD2 design,
 * chosen over 2.45 GHz for a 2.4x smaller beam at equal apertures) with the 10 dB Gaussian taper of the SPS
 * reference system (DOE/ER-0023, 1978). DC-to-RF efficiency 0.70: NASA OTPS 2024 "Space-Based Solar Power",
 * Table 4, after Rodenbeck et al. 2021 (IEEE J. Microwaves 1(1)).
 *
 * Sizes follow from Goubau's tau = sqrt(At Ar) / (lambda D) at D ~ 37 500 km and lambda = 51.7 mm:
 * - demonstrator: a 300 m aperture with a few-km rectenna gives tau ~ 0.5, beam collection ~ 20 %; enough to
 *   prove retrodirective beam control and rectenna operation at 10^5 W, as a demonstrator must, but no more;
 * - pilot: a 1 km aperture with a 4 km rectenna (NASA 2024 RD2's rectenna at 5.8 GHz) gives tau ~ 1.6,
 *   collection ~ 85 %;
 * - utility: 1.5 km with a 5 km rectenna gives tau ~ 3, collection > 95 % (NASA 2024 assumes 0.95).
 * DC powers are chosen so that the grid receives ~0.1, ~100 and ~1000 MW (tests/earth/baseline.test.ts).
 */
import type { TransmitterFile } from './transmitterSchema.ts';

export const POWER_CLASS_NAMES = ['demonstrator-1mw', 'pilot-100mw', 'utility-1gw'] as const;
export type PowerClassName = (typeof POWER_CLASS_NAMES)[number];

const COMMON = {
  frequencyHz: 5.8e9,
  dcRfEfficiency: 0.7,
  taperDb: 10,
  phaseErrorRmsRad: 0,
  pointingErrorRad: 0,
  pointingJitterRad: 0,
} as const;

export const POWER_CLASSES: Readonly<Record<PowerClassName, TransmitterFile>> = {
  'demonstrator-1mw': { ...COMMON, dcPowerW: 2e6, apertureDiameterM: 300 },
  'pilot-100mw': { ...COMMON, dcPowerW: 2.3e8, apertureDiameterM: 1000 },
  'utility-1gw': { ...COMMON, dcPowerW: 2.2e9, apertureDiameterM: 1500 },
};
