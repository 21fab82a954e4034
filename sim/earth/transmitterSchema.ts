/** The transmitter of a power satellite in the scenario's `earth` section (its own file: the presets of powerClasses.ts and the section's schema both read it). */
import { z } from 'zod';

const fraction = z.number().gt(0).max(1);

/** The transmitter of a power satellite (sizes in m, power in W, frequency in Hz, angles in rad). */
export const transmitterSchema = z
  .object({
    /** DC power the satellite delivers to its transmitter in full sunlight, W. */
    dcPowerW: z.number().positive(),
    /** Carrier frequency, Hz (the beam module's radio range, 1-300 GHz). */
    frequencyHz: z.number().min(1e9).max(300e9),
    /** DC-to-RF conversion efficiency. */
    dcRfEfficiency: fraction,
    /** Diameter of the circular transmitting aperture, m. */
    apertureDiameterM: z.number().positive(),
    /** Gaussian edge taper of the radiated power density, dB. */
    taperDb: z.number().min(0).max(40).default(10),
    /** Random phase error over the aperture, rms, rad (Ruze loss exp(-sigma^2)). */
    phaseErrorRmsRad: z.number().min(0).max(1.5).default(0),
    /** Static pointing error of the beam, rad. */
    pointingErrorRad: z.number().min(0).max(0.1).default(0),
    /** Random pointing jitter, rms per axis, rad. */
    pointingJitterRad: z.number().min(0).max(0.1).default(0),
  })
  .strict();

export type TransmitterFile = z.output<typeof transmitterSchema>;
