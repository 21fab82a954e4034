/**
 * Sunward of Earth: a point is counted when it is in front of the solar disc as seen from the Earth's centre,
 * i.e. inside the cone with apex at the Earth, axis towards the Sun and half-angle θ the Sun's angular radius
 * (sin θ = R_sun / |S - E|), and nearer than the Sun along that axis. With d = p - E and s = S - E = -E:
 *   0 < d·s < |s|^2   and   (d·s)^2 >= |d|^2 |s|^2 cos^2 θ.
 * These are the collectors that can shade some of the Sun for the Earth.
 */
import { SOLAR_RADIUS_M } from '../constants.ts';

/**
 * Whether heliocentric point (x, y, z) is sunward of the Earth at `earth` (m, ECLIPJ2000), per the module
 * comment. float64; the reference for every backend's count.
 */
export function isSunwardOfEarth(x: number, y: number, z: number, earth: ArrayLike<number>): boolean {
  const ex = earth[0] as number;
  const ey = earth[1] as number;
  const ez = earth[2] as number;
  const s2 = ex * ex + ey * ey + ez * ez;
  const dx = x - ex;
  const dy = y - ey;
  const dz = z - ez;
  const ds = -(dx * ex + dy * ey + dz * ez);
  return (
    ds > 0 && ds < s2 && ds * ds >= (dx * dx + dy * dy + dz * dz) * (s2 - SOLAR_RADIUS_M * SOLAR_RADIUS_M)
  );
}
