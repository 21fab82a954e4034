/**
 * Bodies that host factories: the Moon, a near-Earth asteroid and Mercury. SI units, each value with its source.
 *
 * NASA fact sheets: D. R. Williams, NASA/GSFC "Planetary Fact Sheets" (nssdc.gsfc.nasa.gov/planetary/factsheet),
 * Moon and Mercury pages. Bennu (the reference near-Earth asteroid): Lauretta et al. 2019, Nature 568:55-60 and
 * Scheeres et al. 2019, Nature Astronomy 3:352-361 (OSIRIS-REx: GM = 4.892 m^3/s^2, mass 7.329e10 kg, mean radius
 * 244 m, a = 1.126 au).
 */

/** The kinds of site the growth model knows. `custom` takes every body property from the scenario file. */
export type BodyKind = 'moon' | 'nea' | 'mercury' | 'custom';

/** What the model needs of a body; every field can be overridden per site in the scenario file. */
export interface BodyDefaults {
  /** Mass, kg (the upper bound of the feedstock when the file gives none). */
  readonly massKg: number;
  /** Surface escape speed sqrt(2 GM / R), m/s. */
  readonly escapeSpeedMS: number;
  /** Mean heliocentric distance of the body, au: where the Hohmann transfer to a shell starts. */
  readonly heliocentricDistanceAu: number;
  /**
   * Fraction of the time the factory's own solar arrays are lit (dimensionless, [0, 1]). A surface plant on a
   * slowly rotating body sits in the dark half the time at the equator.
   */
  readonly dutyCycle: number;
}

/** Moon: GM = 4902.8 km^3/s^2, mean radius 1737.4 km (NASA fact sheet): v_esc = 2375.7 m/s (sheet: 2.38 km/s). */
export const MOON_GM_M3_S2 = 4.9028e12;
export const MOON_MEAN_RADIUS_M = 1.7374e6;
/** Moon mass, kg (NASA fact sheet: 0.07346e24 kg). */
export const MOON_MASS_KG = 7.346e22;

/** Mercury: GM = 22031.8 km^3/s^2, mean radius 2439.7 km (NASA fact sheet): v_esc = 4249.8 m/s (sheet: 4.3). */
export const MERCURY_GM_M3_S2 = 2.20318e13;
export const MERCURY_MEAN_RADIUS_M = 2.4397e6;
/** Mercury mass, kg (NASA fact sheet: 0.33011e24 kg). */
export const MERCURY_MASS_KG = 3.3011e23;
/** Mercury's semi-major axis, au (NASA fact sheet: 57.909e6 km = 0.387098 au). */
export const MERCURY_SEMI_MAJOR_AXIS_AU = 0.387098;

/** Bennu, the reference near-Earth asteroid: GM 4.892 m^3/s^2, mean radius 244 m (Scheeres et al. 2019). */
export const BENNU_GM_M3_S2 = 4.892;
export const BENNU_MEAN_RADIUS_M = 244;
export const BENNU_MASS_KG = 7.329e10;

/**
 * Gravitational binding energy of a uniform sphere, 3 G M^2 / (5 R), J. For Mercury this gives 1.79e30 J, the
 * 1.80e30 J that Armstrong & Sandberg (2013, Acta Astronautica 89:1-13, sec. 4) use for disassembling it.
 */
export function uniformSphereBindingEnergyJ(gmM3S2: number, massKg: number, radiusM: number): number {
  return (3 * gmM3S2 * massKg) / (5 * radiusM);
}

const escape = (gm: number, radius: number): number => Math.sqrt((2 * gm) / radius);

/**
 * Defaults per body. Duty cycles: the Moon's equatorial night is half of the 29.53-day synodic month (0.5;
 * polar crater rims lit 80-90 % of the time exist, Mazarico et al. 2011, Icarus 211:1066, and a scenario may use
 * them); Mercury's equatorial night is half of its 175.94-day solar day (0.5); a near-Earth asteroid spins in
 * hours, so arrays on its surface see the Sun about half the time too, while free-flying arrays tethered to it
 * would see it always; we default to 0.5 and let scenarios choose.
 */
export const BODY_DEFAULTS: Readonly<Record<Exclude<BodyKind, 'custom'>, BodyDefaults>> = {
  moon: {
    massKg: MOON_MASS_KG,
    escapeSpeedMS: escape(MOON_GM_M3_S2, MOON_MEAN_RADIUS_M),
    heliocentricDistanceAu: 1,
    dutyCycle: 0.5,
  },
  nea: {
    massKg: BENNU_MASS_KG,
    escapeSpeedMS: escape(BENNU_GM_M3_S2, BENNU_MEAN_RADIUS_M),
    // Transfers are computed from 1 au, the orbit of the Earth-like near-Earth asteroids the scenarios target.
    heliocentricDistanceAu: 1,
    dutyCycle: 0.5,
  },
  mercury: {
    massKg: MERCURY_MASS_KG,
    escapeSpeedMS: escape(MERCURY_GM_M3_S2, MERCURY_MEAN_RADIUS_M),
    heliocentricDistanceAu: MERCURY_SEMI_MAJOR_AXIS_AU,
    dutyCycle: 0.5,
  },
};
