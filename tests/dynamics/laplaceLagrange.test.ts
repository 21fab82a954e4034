/**
 * The planets' secular solution (sim/dynamics/laplaceLagrange.ts) against Murray & Dermott, "Solar System
 * Dynamics" (1999), Table 7.1: the eigenfrequencies g_i and f_i, arcsec/yr, of first-order Laplace-Lagrange
 * theory for the eight planets (M&D's planetary data of their Appendix A). Our planets' elements are osculating
 * at J2000 from astronomy-engine, not M&D's mean ones: the semi-major axes of Jupiter and Saturn carry their
 * great-inequality terms (~0.1 %), which moves the Jupiter-Saturn frequencies (g5, g6, f6) by ~1-2 %; the
 * others agree to a few tenths of a percent. Tolerances per frequency, just above the difference observed.
 * And physics: f5 = 0 (the invariable plane: the total angular momentum is conserved), and the modes rebuild
 * the epoch's elements (bookkeeping).
 */
import { describe, expect, it } from 'vitest';

import { SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { planetarySecularModes } from '../../sim/dynamics/laplaceLagrange.ts';
import { perturberState, PERTURBERS } from '../../sim/dynamics/planets.ts';
import { stateToKepler } from '../../sim/orbit/state.ts';
import { GM_SUN_M3_S2 } from '../../sim/constants.ts';

const ARCSEC_PER_YEAR = (180 / Math.PI) * 3600 * SECONDS_PER_JULIAN_YEAR;

/**
 * M&D Table 7.1, by mode (the mode named after the planet it dominates), arcsec/yr, with our relative tolerance.
 * Sorted by value, as our solver returns them. Provenance: typed without the book at hand; the inner planets'
 * g1-g4 and f1-f4 were since found, digit for digit, in published proper-element code that cites "Murray and
 * Dermott SSD Table 7.1" for them; g5-g8 and f6-f8 still want a look at the printed table.
 */
const TABLE_7_1_G: ReadonlyArray<readonly [string, number, number]> = [
  ['g8', 0.63305, 0.005],
  ['g7', 2.71865, 0.01],
  ['g5', 3.72143, 0.015],
  ['g1', 5.46326, 0.005],
  ['g2', 7.34474, 0.005],
  ['g3', 17.32832, 0.005],
  ['g4', 18.00233, 0.005],
  ['g6', 22.27961, 0.02],
];
const TABLE_7_1_F: ReadonlyArray<readonly [string, number, number]> = [
  ['f6', -25.73355, 0.02],
  ['f3', -18.74359, 0.005],
  ['f4', -17.63331, 0.005],
  ['f2', -6.5708, 0.005],
  ['f1', -5.20154, 0.005],
  ['f7', -2.90266, 0.005],
  ['f8', -0.67752, 0.005],
];
/**
 * f5 against 0, arcsec/yr. B's rows sum to zero, so (1, ..., 1) is an exact null vector; the solver symmetrises B
 * with the weights m_j sqrt(a_j), exact only to O(m_j / M) (the M + m_j of the n_j and the denominators), which
 * leaves 1.3e-7 arcsec/yr (a turn in 10^13 years).
 */
const INVARIABLE_PLANE_TOL = 1e-6;
/** Rebuilt e and sin i against the epoch's: the mode solve's rounding. */
const REBUILD_TOL = 1e-12;

describe('planetarySecularModes', () => {
  const modes = planetarySecularModes();
  it('reproduces the eigenfrequencies of M&D Table 7.1', () => {
    TABLE_7_1_G.forEach(([name, value, tol], k) => {
      const g = (modes.g[k] as number) * ARCSEC_PER_YEAR;
      expect(Math.abs(g / value - 1), `${name}: ${g.toFixed(5)} against ${value}`).toBeLessThan(tol);
    });
    TABLE_7_1_F.forEach(([name, value, tol], k) => {
      const f = (modes.f[k] as number) * ARCSEC_PER_YEAR;
      expect(Math.abs(f / value - 1), `${name}: ${f.toFixed(5)} against ${value}`).toBeLessThan(tol);
    });
  });
  it('has f5 = 0: the invariable plane does not precess', () => {
    expect(Math.abs((modes.f[7] as number) * ARCSEC_PER_YEAR)).toBeLessThan(INVARIABLE_PLANE_TOL);
  });
  it('rebuilds each planet’s e and sin i at the epoch from its modes (bookkeeping)', () => {
    const n = PERTURBERS.length;
    PERTURBERS.forEach((p, j) => {
      const el = stateToKepler(perturberState(p, 0), GM_SUN_M3_S2 + p.gmM3S2);
      let [h, k, pp, q] = [0, 0, 0, 0];
      for (let i = 0; i < n; i += 1) {
        h += (modes.eAmplitude[j * n + i] as number) * Math.sin(modes.beta[i] as number);
        k += (modes.eAmplitude[j * n + i] as number) * Math.cos(modes.beta[i] as number);
        pp += (modes.iAmplitude[j * n + i] as number) * Math.sin(modes.gamma[i] as number);
        q += (modes.iAmplitude[j * n + i] as number) * Math.cos(modes.gamma[i] as number);
      }
      expect(Math.abs(Math.hypot(h, k) - el.eccentricity)).toBeLessThan(REBUILD_TOL);
      expect(Math.abs(Math.hypot(pp, q) - Math.sin(el.inclinationRad))).toBeLessThan(REBUILD_TOL);
    });
  });
});
