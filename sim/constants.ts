/**
 * Physical and astronomical constants, SI units, each with its source.
 *
 * IAU 2015 B3: "IAU 2015 Resolution B3 on recommended nominal conversion constants for selected solar and
 * planetary properties" (Prsa et al. 2016, AJ 152, 41).
 * IAU 2012 B2: the astronomical unit re-defined as an exact length.
 * CODATA 2018: Tiesinga et al. 2021, Rev. Mod. Phys. 93, 025010.
 */

/** Astronomical unit, m (exact; IAU 2012 Resolution B2). */
export const AU_M = 149_597_870_700;

/** Speed of light in vacuum, m/s (exact; SI 2019). */
export const SPEED_OF_LIGHT_M_S = 299_792_458;

/** Nominal solar mass parameter (GM)_sun, m^3/s^2 (IAU 2015 B3; TDB-compatible, as used with TDB seconds). */
export const GM_SUN_M3_S2 = 1.3271244e20;

/** Nominal terrestrial mass parameter (GM)_earth, m^3/s^2 (IAU 2015 B3). */
export const GM_EARTH_M3_S2 = 3.986004e14;

/** Nominal solar luminosity, W (IAU 2015 B3). */
export const SOLAR_LUMINOSITY_W = 3.828e26;

/** Nominal total solar irradiance at 1 au, W/m^2 (IAU 2015 B3). */
export const SOLAR_IRRADIANCE_1AU_W_M2 = 1361;

/** Nominal solar radius, m (IAU 2015 B3). */
export const SOLAR_RADIUS_M = 6.957e8;

/** Nominal equatorial radius of the Earth, m (IAU 2015 B3). */
export const EARTH_EQUATORIAL_RADIUS_M = 6.3781e6;

/** Newtonian constant of gravitation, m^3 kg^-1 s^-2 (CODATA 2018). */
export const GRAVITATIONAL_CONSTANT = 6.6743e-11;

/** Stefan-Boltzmann constant, W m^-2 K^-4 (CODATA 2018, exact since SI 2019). */
export const STEFAN_BOLTZMANN_W_M2_K4 = 5.670374419e-8;

/** Boltzmann constant, J/K (exact; SI 2019). */
export const BOLTZMANN_J_K = 1.380649e-23;

/** Seconds in one SI day. */
export const SECONDS_PER_DAY = 86_400;

/** Seconds in one Julian year of 365.25 days (IAU). */
export const SECONDS_PER_JULIAN_YEAR = 365.25 * SECONDS_PER_DAY;

/** Julian date of the J2000.0 epoch, 2000-01-01T12:00:00 TT (IAU 1994). Used here for TDB as well. */
export const J2000_JD = 2_451_545.0;

/** Mean obliquity of the ecliptic at J2000.0, rad: 84381.406 arcsec (IAU 2006 precession, Capitaine et al. 2003). */
export const OBLIQUITY_J2000_RAD = (84_381.406 / 3600) * (Math.PI / 180);

/**
 * Critical areal density sigma* = L_sun / (2 pi c GM_sun), kg/m^2: a perfectly reflecting flat sheet facing the
 * Sun with this mass per area feels radiation pressure equal to solar gravity (lightness number beta = 1).
 * With the nominal values above it is 1.531e-3 kg/m^2 (1.53 g/m^2; McInnes, "Solar Sailing", 1999, eq. 2.29).
 */
export const CRITICAL_AREAL_DENSITY_KG_M2 =
  SOLAR_LUMINOSITY_W / (2 * Math.PI * SPEED_OF_LIGHT_M_S * GM_SUN_M3_S2);
