/**
 * Bessel functions of the first kind J0 and J1 for real arguments, by the polynomial and modulus-phase
 * approximations of Abramowitz & Stegun, "Handbook of Mathematical Functions" (1964), 9.4.1 to 9.4.6.
 *
 * Input: x, dimensionless, any finite value (J0 is even, J1 odd); NaN gives NaN. Accuracy: absolute error below
 * 1e-7 everywhere (A&S state |eps| <= 5e-8 for J0 and 1.3e-8 for J1 / x on |x| <= 3, and 1.6e-8 / 4e-8 for the
 * moduli, 7e-8 / 9e-8 for the phases beyond); tests/numeric/bessel.test.ts checks A&S Table 9.1, the zeros of
 * Table 9.5 and the integral representation. Unchecked and allocation-free, so the diffraction integrals
 * (sim/beam/diffraction.ts, goubau.ts) can call them millions of times.
 */

/** J0(x), dimensionless, for any finite x (J0 is even). */
export function besselJ0(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 3) {
    const y = (x / 3) * (x / 3);
    // A&S 9.4.1
    return (
      1 +
      y * (-2.2499997 + y * (1.2656208 + y * (-0.3163866 + y * (0.0444479 + y * (-0.0039444 + y * 0.00021)))))
    );
  }
  const t = 3 / ax;
  // A&S 9.4.3: J0 = x^(-1/2) f0 cos(theta0)
  const f0 =
    0.79788456 +
    t *
      (-0.00000077 +
        t * (-0.0055274 + t * (-0.00009512 + t * (0.00137237 + t * (-0.00072805 + t * 0.00014476)))));
  const theta0 =
    ax -
    0.78539816 +
    t *
      (-0.04166397 +
        t * (-0.00003954 + t * (0.00262573 + t * (-0.00054125 + t * (-0.00029333 + t * 0.00013558)))));
  return (f0 * Math.cos(theta0)) / Math.sqrt(ax);
}

/** J1(x), dimensionless, for any finite x (J1 is odd). */
export function besselJ1(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 3) {
    const y = (x / 3) * (x / 3);
    // A&S 9.4.4: J1(x)/x
    return (
      x *
      (0.5 +
        y *
          (-0.56249985 +
            y * (0.21093573 + y * (-0.03954289 + y * (0.00443319 + y * (-0.00031761 + y * 0.00001109))))))
    );
  }
  const t = 3 / ax;
  // A&S 9.4.6: J1 = x^(-1/2) f1 cos(theta1)
  const f1 =
    0.79788456 +
    t *
      (0.00000156 +
        t * (0.01659667 + t * (0.00017105 + t * (-0.00249511 + t * (0.00113653 - t * 0.00020033)))));
  const theta1 =
    ax -
    2.35619449 +
    t *
      (0.12499612 +
        t * (0.0000565 + t * (-0.00637879 + t * (0.00074348 + t * (0.00079824 - t * 0.00029166)))));
  const value = (f1 * Math.cos(theta1)) / Math.sqrt(ax);
  return x < 0 ? -value : value;
}
