/**
 * The orbit of a hub at a Sun-Earth triangular point, flown on the collectors' own two-body dynamics (issue 13,
 * "places consistent with orbits"): the hub is the node of a formation (formation.ts) whose collectors feed it,
 * so it must move as they do, under mu_sun (1 - beta).
 *
 * Lagrange's equilateral solution holds on the Earth's elliptic orbit too: a body on the Earth's orbit turned by
 * +-60 deg about its angular momentum, with the same time of periapsis, stays at the triangular point (Murray &
 * Dermott 1999, Solar System Dynamics, sec. 3.5). Under radiation pressure the Sun's pull is mu (1 - beta), and
 * the triangular points of the photogravitational problem sit at (1 - beta)^(1/3) of the Sun-Earth distance from
 * the Sun, still at one Sun-Earth distance from the Earth to first order (Schuerman 1980, ApJ 238:337): so the
 * hub's state at the epoch is the Earth-Moon barycentre's (earthMoonBarycentre.ts) turned by +-60 deg and scaled by
 * k = (1 - beta)^(1/3) in position and velocity, which keeps the period (r^3 / mu scales by k^3 / k^3). Its
 * semi-major axis is then set to the one whose period under mu (1 - beta) is the sidereal year, so that the mean
 * motion is the Earth's mean one rather than the osculating value at the epoch (planetary perturbations move the
 * barycentre's osculating a by ~1e-5, an along-track drift of ~10,000 km a year). The hub does not librate
 * (no tadpole orbit: the propagator is two-body, placement.ts); what the check measures is how far it stays from
 * the point placement.ts computes, tests/energy/hubFeeders.test.ts.
 *
 * A hub of another areal density than its collectors' would drift from them; it keeps their lightness number by
 * trimming its Sun-facing area (at beta 0.0014 the radiation-pressure acceleration is 8 um/s^2).
 */
import { GM_SUN_M3_S2, SECONDS_PER_DAY } from '../constants.ts';
import { earthMoonBarycentreStateEqj } from '../geometry/earthMoonBarycentre.ts';
import type { KeplerElements, Vec3 } from '../orbit/elements.ts';
import { cross, rotateAboutAxis } from '../orbit/vec3.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import { stateToKepler } from '../orbit/state.ts';

/** The sidereal year, s: 365.256363004 d (IERS Conventions 2010 / Astronomical Almanac, at J2000). */
export const SIDEREAL_YEAR_S = 365.256363004 * SECONDS_PER_DAY;

/** Turn of the triangular points from the Earth, rad: +60 deg (L4, leading) and -60 deg (L5, trailing). */
const TURN_RAD: Readonly<Record<'L4' | 'L5', number>> = { L4: Math.PI / 3, L5: -Math.PI / 3 };

/**
 * The elements at `epochTdbS` (TDB s past J2000) of a hub at Sun-Earth `point`, on mu (1 - beta) = muEffM3S2
 * (m^3/s^2, at most GM_sun). Heliocentric ECLIPJ2000, SI.
 */
export function hubElements(point: 'L4' | 'L5', epochTdbS: number, muEffM3S2: number): KeplerElements {
  const emb = earthMoonBarycentreStateEqj(epochTdbS);
  const r = equatorialToEcliptic(emb.positionM);
  const v = equatorialToEcliptic(emb.velocityMS);
  const h = cross(r, v);
  const hNorm = Math.hypot(h[0], h[1], h[2]);
  const axis: Vec3 = [h[0] / hNorm, h[1] / hNorm, h[2] / hNorm];
  const k = Math.cbrt(muEffM3S2 / GM_SUN_M3_S2);
  const turn = TURN_RAD[point];
  const rHub = rotateAboutAxis(r, axis, turn).map((x) => k * x) as Vec3;
  const vHub = rotateAboutAxis(v, axis, turn).map((x) => k * x) as Vec3;
  const elements = stateToKepler({ positionM: rHub, velocityMS: vHub }, muEffM3S2);
  const meanMotion = (2 * Math.PI) / SIDEREAL_YEAR_S;
  return { ...elements, semiMajorAxisM: Math.cbrt(muEffM3S2 / (meanMotion * meanMotion)) };
}
