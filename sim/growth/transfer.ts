/**
 * Transfer of a collector from its site to its shell: a Hohmann ellipse flown as a flat, Sun-facing sheet.
 *
 * Such a sheet moves on Kepler orbits under mu_eff = GM_sun (1 - beta) (McInnes 1999, sec. 2.4; see
 * sim/orbit/radiationPressure.ts), while the site it leaves moves under the full GM_sun. So:
 *   departure  v_site = sqrt(GM / r1)                      (circular orbit of the site)
 *              v_t1   = sqrt(mu_eff 2 r2 / (r1 (r1 + r2)))   (transfer ellipse under mu_eff, vis-viva)
 *   arrival    v_t2   = sqrt(mu_eff 2 r1 / (r2 (r1 + r2))),  v_c2 = sqrt(mu_eff / r2)
 *   flight     t = pi sqrt((r1 + r2)^3 / (8 mu_eff))          (half the ellipse's period)
 * The delta-v are |v_t1 - v_site| and |v_c2 - v_t2| (Curtis, "Orbital Mechanics for Engineering Students",
 * 3rd ed., sec. 6.2, with mu_eff). A shell at the site's own distance needs no transfer: flight time 0.
 * The mass driver's hyperbolic excess sqrt(v_launch^2 - v_esc^2) pays for part of the departure delta-v; what
 * remains is flown by sailing (reported, not gated).
 */
import { GM_SUN_M3_S2 } from '../constants.ts';

/** Transfer figures, SI (m/s, s). */
export interface Transfer {
  readonly departureDeltaVMS: number;
  readonly arrivalDeltaVMS: number;
  readonly hohmannFlightS: number;
}

/** Relative difference of radii below which site and shell are at the same distance (no transfer). */
const SAME_ORBIT_REL = 1e-9;

/** Hohmann transfer from a circular site orbit r1 (m, under GM_sun) to a circular shell orbit r2 (m, under muEff). */
export function hohmannTransfer(r1M: number, r2M: number, muEffM3S2: number): Transfer {
  const vSite = Math.sqrt(GM_SUN_M3_S2 / r1M);
  const vCirc2 = Math.sqrt(muEffM3S2 / r2M);
  if (Math.abs(r2M - r1M) <= SAME_ORBIT_REL * r1M) {
    return { departureDeltaVMS: Math.abs(vCirc2 - vSite), arrivalDeltaVMS: 0, hohmannFlightS: 0 };
  }
  const sum = r1M + r2M;
  const vT1 = Math.sqrt((muEffM3S2 * 2 * r2M) / (r1M * sum));
  const vT2 = Math.sqrt((muEffM3S2 * 2 * r1M) / (r2M * sum));
  return {
    departureDeltaVMS: Math.abs(vT1 - vSite),
    arrivalDeltaVMS: Math.abs(vCirc2 - vT2),
    hohmannFlightS: Math.PI * Math.sqrt((sum * sum * sum) / (8 * muEffM3S2)),
  };
}
