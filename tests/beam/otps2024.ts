/**
 * NASA OTPS 2024 "Space-Based Solar Power" (Rodgers et al., Table 4; tests/data/beam/README.md): the report's
 * inputs, and our computation of what they imply (tests/beam/otps2024.test.ts checks it; the README's table of
 * published cases prints it, tests/readmePublished.test.ts).
 */
import { SOLAR_IRRADIANCE_1AU_W_M2 } from '../../sim/constants.ts';
import { shadowFraction } from '../../sim/earth/eclipse.ts';
import { receiverPlatformsAt } from '../../sim/energy/placement.ts';
import { earthHeliocentricEclipticM } from '../../sim/geometry/earthPosition.ts';
import type { Vec3 } from '../../sim/orbit/elements.ts';
import { isoToTdbS } from '../../sim/time.ts';

/** The report's Table 4 (tests/data/beam/README.md). */
export const OTPS_2024 = {
  rd1: { panelAreaM2: 11_473_000, incidentW: 15_689.33e6, capacityFactor: 0.997 },
  rd2: { panelAreaM2: 19_000_000, incidentW: 25_982.5e6, capacityFactor: 0.6 },
  solarConstantWm2: 1367.5,
} as const;

/** Incident sunlight on a design's panel at our irradiance (IAU 2015 nominal, 1361 W/m^2), W. */
export function otpsIncidentOursW(design: { readonly panelAreaM2: number }): number {
  return design.panelAreaM2 * SOLAR_IRRADIANCE_1AU_W_M2;
}

/** Sampling step of the year, s. */
const STEP_S = 900;

/**
 * A year of 15-minute samples at a geostationary point: the mean output of RD1 (steered reflectors: sunlit share)
 * and RD2 (a bifacial Earth-facing panel: |cos| of the Sun's angle to the radial normal, times the sunlit share),
 * from the Earth's VSOP87 position, placement.ts's geostationary point and the conical shadow of sim/earth.
 */
export function otpsCapacityFactors(year = 2045): { rd1: number; rd2: number } {
  const from = isoToTdbS(`${year}-01-01`);
  const to = isoToTdbS(`${year + 1}-01-01`);
  const slot = { kind: 'geostationary', longitudeRad: 0 } as const;
  let rd1 = 0;
  let rd2 = 0;
  let n = 0;
  for (let t = from; t < to; t += STEP_S) {
    const earth = earthHeliocentricEclipticM(t);
    const p = receiverPlatformsAt(slot, t)[0]?.positionM;
    if (p === undefined || p === null) throw new Error('no geostationary point');
    const sat: Vec3 = [p[0] - earth[0], p[1] - earth[1], p[2] - earth[2]];
    const sun: Vec3 = [-earth[0], -earth[1], -earth[2]];
    const lit = 1 - shadowFraction(sat, sun);
    const toSun: Vec3 = [sun[0] - sat[0], sun[1] - sat[1], sun[2] - sat[2]];
    const cos =
      (sat[0] * toSun[0] + sat[1] * toSun[1] + sat[2] * toSun[2]) /
      (Math.hypot(...sat) * Math.hypot(...toSun));
    rd1 += lit;
    rd2 += lit * Math.abs(cos);
    n += 1;
  }
  return { rd1: rd1 / n, rd2: rd2 / n };
}
