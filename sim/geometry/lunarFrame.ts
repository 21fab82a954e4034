/**
 * The Earth-Moon rotating frame at an instant, from astronomy-engine: the frame in which the Moon is fixed on the x
 * axis, for the payloads of a lunar mass driver (sim/growth/lunarStreamTemplate.ts integrates them in the circular
 * problem's version of it). From the Moon's geocentric state (GeoMoon, GeoMoonState; EQJ rotated to ECLIPJ2000
 * by sim/orbit/frames.ts) at the AstroTime of astroTime.ts: e_x along Earth -> Moon, e_z along r x v (the Moon's
 * orbital pole), e_y = e_z x e_x (the direction of the Moon's motion). The frame's origin is given by the Earth's
 * heliocentric position from the same instant (earthPosition.ts: astronomy-engine HelioVector, VSOP87), and its
 * length scale by the Moon's actual geocentric distance d(t) (the pulsating frame of the elliptic restricted
 * problem, Szebehely, "Theory of Orbits", 1967, ch. 10).
 */
import { GeoMoon, GeoMoonState } from 'astronomy-engine';

import { AU_M } from '../constants.ts';
import { requireFinite } from '../errors.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import { astroTimeOf } from './astroTime.ts';
import { earthHeliocentricEclipticM } from './earthPosition.ts';

/**
 * The Earth-Moon rotating frame at one instant, in ECLIPJ2000 (see the module comment). Immutable; a fresh object
 * per call.
 */
export interface LunarRotatingFrame {
  readonly tdbS: number;
  /** The Earth's heliocentric position, m. */
  readonly earthM: Vec3;
  /** The Moon's geocentric position, m, and its length. */
  readonly moonGeocentricM: Vec3;
  readonly moonDistanceM: number;
  /** Unit vectors: Earth -> Moon; e_z x e_x; the Moon's orbital pole (r x v). */
  readonly ex: Vec3;
  readonly ey: Vec3;
  readonly ez: Vec3;
}

/**
 * The rotating frame at tdbS (TDB seconds past J2000): Earth and Moon from astronomy-engine (HelioVector through
 * earthPosition.ts, GeoMoon, GeoMoonState's velocity for the pole) at the AstroTime of astroTime.ts, rotated from
 * EQJ to ECLIPJ2000. Throws InputError naming tdbS when it is not finite. Random access; about 0.1 ms (three lunar
 * series evaluations).
 */
export function lunarRotatingFrameAt(tdbS: number): LunarRotatingFrame {
  requireFinite(tdbS, 'tdbS');
  const time = astroTimeOf(tdbS);
  const earthM = earthHeliocentricEclipticM(tdbS);
  const m = GeoMoon(time);
  const v = GeoMoonState(time);
  const r = equatorialToEcliptic([m.x * AU_M, m.y * AU_M, m.z * AU_M]);
  // Velocity in au/day: only its direction matters here.
  const w = equatorialToEcliptic([v.vx, v.vy, v.vz]);
  const moonDistanceM = Math.hypot(r[0], r[1], r[2]);
  const ex: Vec3 = [r[0] / moonDistanceM, r[1] / moonDistanceM, r[2] / moonDistanceM];
  const hx = r[1] * w[2] - r[2] * w[1];
  const hy = r[2] * w[0] - r[0] * w[2];
  const hz = r[0] * w[1] - r[1] * w[0];
  const hn = Math.hypot(hx, hy, hz);
  const ez: Vec3 = [hx / hn, hy / hn, hz / hn];
  const ey: Vec3 = [
    ez[1] * ex[2] - ez[2] * ex[1],
    ez[2] * ex[0] - ez[0] * ex[2],
    ez[0] * ex[1] - ez[1] * ex[0],
  ];
  return { tdbS, earthM, moonGeocentricM: r, moonDistanceM, ex, ey, ez };
}
