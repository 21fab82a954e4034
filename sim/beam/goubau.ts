/**
 * Goubau's beam-coupling parameter and the efficiencies that go with it.
 *
 * tau = sqrt(At Ar) / (lambda D)   (Goubau & Schwering 1961; Brown 1973, 1992)
 *
 * Between two apertures of areas At and Ar a distance D apart, the largest fraction of the radiated power the
 * receiver can intercept depends on tau alone: it is the largest eigenvalue of the finite Hankel-transform
 * operator (prolate spheroidal functions; Goubau & Schwering, IRE Trans. AP-9, 1961), commonly approximated by
 * 1 - exp(-tau^2) (Brown 1992, IEEE Trans. MTT 40(6); Shinohara, "Wireless Power Transfer via Radiowaves",
 * 2014, eq. 2.2). For tau -> 0 both reduce to the Friis far-field result tau^2 = At Ar / (lambda D)^2.
 */
import { besselJ0 } from '../numeric/bessel.ts';
import { gaussLegendre01 } from '../numeric/gaussLegendre.ts';

/** Goubau's tau (dimensionless) for aperture areas in m^2, wavelength and distance in m. */
export function goubauTau(
  txAreaM2: number,
  rxAreaM2: number,
  wavelengthM: number,
  distanceM: number,
): number {
  return Math.sqrt(txAreaM2 * rxAreaM2) / (wavelengthM * distanceM);
}

/** The closed-form optimal-taper efficiency 1 - exp(-tau^2) (Brown 1992). */
export function goubauOptimalEfficiency(tau: number): number {
  return -Math.expm1(-tau * tau);
}

/**
 * Friis far-field fraction At Ar eta_ap / (lambda D)^2 = tau^2 eta_ap, where eta_ap is the transmitter's
 * aperture (taper) efficiency and the receiver is a uniform absorbing aperture. It assumes a uniform density
 * over the receiver, so it exceeds 1 once the receiver spans the main lobe (tau > 1), inside the transmitter's
 * Fraunhofer distance or beyond it (fieldRegime.ts); Friis must not be used there.
 */
export function friisFraction(tau: number, apertureEfficiency: number): number {
  return tau * tau * apertureEfficiency;
}

/**
 * The exact optimum over all aperture distributions for circular apertures: eta = 4 tau^2 mu^2, where mu is
 * the eigenvalue of largest magnitude of (K A)(t) = integral_0^1 J0(2 tau s t) A(s) s ds on L2([0,1], s ds).
 * Discretised by Gauss-Legendre (a symmetric Nystrom matrix) and solved by the cyclic Jacobi method (the
 * leading eigenvalues crowd together as tau grows, which would stall a power iteration). No taper can beat it.
 */
export function goubauExactOptimalEfficiency(tau: number): number {
  const order = Math.max(40, Math.ceil(2 * tau) + 32);
  const { nodes, weights } = gaussLegendre01(order);
  const scale = nodes.map((s, j) => Math.sqrt((weights[j] as number) * s));
  const a = new Float64Array(order * order);
  for (let i = 0; i < order; i++) {
    for (let j = 0; j < order; j++) {
      a[i * order + j] =
        (scale[i] as number) *
        besselJ0(2 * tau * (nodes[i] as number) * (nodes[j] as number)) *
        (scale[j] as number);
    }
  }
  const at = (i: number, j: number): number => a[i * order + j] as number;
  for (let sweep = 0; sweep < 60; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < order; p++) for (let q = p + 1; q < order; q++) offDiagonal += at(p, q) ** 2;
    if (offDiagonal < 1e-30) break;
    for (let p = 0; p < order; p++) {
      for (let q = p + 1; q < order; q++) {
        const apq = at(p, q);
        if (Math.abs(apq) < 1e-300) continue;
        // Rotation that zeroes a_pq (Golub & Van Loan, "Matrix Computations", 8.5.2).
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < order; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          a[k * order + p] = c * akp - s * akq;
          a[k * order + q] = s * akp + c * akq;
        }
        for (let k = 0; k < order; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          a[p * order + k] = c * apk - s * aqk;
          a[q * order + k] = s * apk + c * aqk;
        }
      }
    }
  }
  let largest = 0;
  for (let i = 0; i < order; i++) largest = Math.max(largest, Math.abs(at(i, i)));
  return Math.min(1, 4 * tau * tau * largest * largest);
}
