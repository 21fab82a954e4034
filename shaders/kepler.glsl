// Two-body Kepler positions in GLSL ES 3.00 (float32), for drawing the swarm: the algorithm of the gpu backend's
// kernel (sim/propagate/gpuKernels.ts), written once more by hand for shaders. It must agree with the float64
// reference within GPU_POSITION_BOUND = 5e-7 of the semi-major axis (a <= 5 au, e <= 0.99, any t): checked in real
// Chromium (WebGL2 on SwiftShader) by tests/browser/propagate-shaders.browser.test.ts, like the kernel.
//
// Inputs, per tracer: the packed columns of sim/propagate/gpuRebase.ts (createGpuColumns), 4 floats each:
//   orbitA = (mu0 rad, j in 0..3, n rad/s, e)   mean anomaly at the host's re-base time tR = j pi/2 + mu0
//   orbitB = (Ax, Ay, Az, Bx) m                 A = a P, B = a sqrt(1 - e^2) Q (ECLIPJ2000)
//   orbitC = (By, Bz, -, -) m
// and dt = t - tR in seconds (uniform; the host re-bases when max n |dt| > 0.25 rad: gpuRebase.ts needsRebase).
// Output: heliocentric ECLIPJ2000 position, m. For camera-relative drawing subtract the camera as a float32 pair
// (keplerRelative below): the position itself is only as good as GPU_POSITION_BOUND.
//
// Precision design (details in gpuKernels.ts): no builtin sin/cos (SwiftShader's are good to 2e-4 only); E is kept
// as K pi/2 + rho with |rho| <= pi/4 and own minimax polynomials (Cephes sinf/cosf); Kepler's residual is taken
// relative to the mean anomaly's quadrant; Danby's starter and 5 Halley steps, a fixed count.

const float KEPLER_PIO2_HI = 1.5707963705062866;
const float KEPLER_PIO2_LO = -4.371138828673793e-8;
const float KEPLER_TWO_OVER_PI = 0.6366197466850281;

// sin(rho) and 1 - cos(rho) for |rho| <= pi/4 (a little beyond is fine), about 1 ulp.
vec2 keplerSinOneMinusCos(float rho) {
  float z = rho * rho;
  float s = rho + rho * z * (-0.16666655242443085 + z * (0.008332161232829094 + z * -0.00019515295571181923));
  float omc = 0.5 * z - z * z * (0.04166664555668831 + z * (-0.0013887316454201937 + z * 0.0000244331567955669));
  return vec2(s, omc);
}

// (sin E, cos E) for E = quadrant pi/2 + rho, from s = sin rho and c = cos rho.
vec2 keplerQuadrant(float quadrant, float s, float c) {
  if (quadrant < 0.5) return vec2(s, c);
  if (quadrant < 1.5) return vec2(c, -s);
  if (quadrant < 2.5) return vec2(-s, -c);
  return vec2(-c, s);
}

vec3 keplerPosition(vec4 orbitA, vec4 orbitB, vec4 orbitC, float dt) {
  float e = orbitA.w;
  float mu = orbitA.x + orbitA.z * dt;
  float qm = floor(mu * KEPLER_TWO_OVER_PI + 0.5);
  mu = mu - qm * KEPLER_PIO2_HI - qm * KEPLER_PIO2_LO;
  float j = orbitA.y + qm;
  j = j - 4.0 * floor(j * 0.25);
  // Danby's starter E0 = M + 0.85 e sgn(sin M), M = j pi/2 + mu
  float sinSign = 1.0;
  if (j < 0.5) {
    sinSign = mu < 0.0 ? -1.0 : 1.0;
  } else if (j > 2.5) {
    sinSign = -1.0;
  } else if (j > 1.5) {
    sinSign = mu < 0.0 ? 1.0 : -1.0;
  }
  float rho = mu + 0.85 * e * sinSign;
  float K = 0.0;
  vec2 sc = vec2(0.0, 1.0);
  for (int step = 0; step <= 5; step++) {
    float q = floor(rho * KEPLER_TWO_OVER_PI + 0.5);
    rho = rho - q * KEPLER_PIO2_HI - q * KEPLER_PIO2_LO;
    K = K + q;
    vec2 so = keplerSinOneMinusCos(rho);
    float quadrant = j + K;
    quadrant = quadrant - 4.0 * floor(quadrant * 0.25);
    sc = keplerQuadrant(quadrant, so.x, 1.0 - so.y);
    if (step < 5) {
      // Halley on h = (K pi/2 - mu + rho) - e sin E
      float h = K * KEPLER_PIO2_HI - mu + (K * KEPLER_PIO2_LO + rho) - e * sc.x;
      float h1 = 1.0 - e * sc.y;
      float h2 = e * sc.x;
      rho = rho - (h * h1) / (h1 * h1 - 0.5 * h * h2);
    }
  }
  float X = sc.y - e;
  return orbitB.xyz * X + vec3(orbitB.w, orbitC.x, orbitC.y) * sc.x;
}

// p - anchor, with the anchor (e.g. the camera, m) given as a float32 pair: anchorHigh = float32(anchor),
// anchorLow = float32(anchor - anchorHigh). Removes the 2^-24 |anchor| rounding of a plain float32 subtraction.
vec3 keplerRelative(vec3 p, vec3 anchorHigh, vec3 anchorLow) {
  return (p - anchorHigh) - anchorLow;
}
