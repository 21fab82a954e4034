// Two-body Kepler positions in WGSL (f32), for drawing the swarm with WebGPU: the same algorithm, inputs and bound
// as shaders/kepler.glsl (read its header) and the gpu backend's kernel (sim/propagate/gpuKernels.ts).
// Checked against the float64 reference in real Chromium (WebGPU on SwiftShader) by
// tests/browser/propagate-shaders.browser.test.ts.
//
// orbitA = (mu0 rad, j in 0..3, n rad/s, e), orbitB = (Ax, Ay, Az, Bx) m, orbitC = (By, Bz, -, -) m, from
// sim/propagate/gpuRebase.ts; dt = t - tR (s). Returns the heliocentric ECLIPJ2000 position, m.

const KEPLER_PIO2_HI: f32 = 1.5707963705062866;
const KEPLER_PIO2_LO: f32 = -4.371138828673793e-8;
const KEPLER_TWO_OVER_PI: f32 = 0.6366197466850281;

// sin(rho) and 1 - cos(rho) for |rho| <= pi/4, about 1 ulp (Cephes sinf/cosf coefficients).
fn keplerSinOneMinusCos(rho: f32) -> vec2<f32> {
  let z = rho * rho;
  let s = rho + rho * z * (-0.16666655242443085 + z * (0.008332161232829094 + z * -0.00019515295571181923));
  let omc = 0.5 * z - z * z * (0.04166664555668831 + z * (-0.0013887316454201937 + z * 0.0000244331567955669));
  return vec2<f32>(s, omc);
}

// (sin E, cos E) for E = quadrant pi/2 + rho, from s = sin rho and c = cos rho.
fn keplerQuadrant(quadrant: f32, s: f32, c: f32) -> vec2<f32> {
  if (quadrant < 0.5) { return vec2<f32>(s, c); }
  if (quadrant < 1.5) { return vec2<f32>(c, -s); }
  if (quadrant < 2.5) { return vec2<f32>(-s, -c); }
  return vec2<f32>(-c, s);
}

fn keplerPosition(orbitA: vec4<f32>, orbitB: vec4<f32>, orbitC: vec4<f32>, dt: f32) -> vec3<f32> {
  let e = orbitA.w;
  var mu = orbitA.x + orbitA.z * dt;
  let qm = floor(mu * KEPLER_TWO_OVER_PI + 0.5);
  mu = mu - qm * KEPLER_PIO2_HI - qm * KEPLER_PIO2_LO;
  var j = orbitA.y + qm;
  j = j - 4.0 * floor(j * 0.25);
  // Danby's starter E0 = M + 0.85 e sgn(sin M), M = j pi/2 + mu
  var sinSign: f32 = 1.0;
  if (j < 0.5) {
    sinSign = select(1.0, -1.0, mu < 0.0);
  } else if (j > 2.5) {
    sinSign = -1.0;
  } else if (j > 1.5) {
    sinSign = select(-1.0, 1.0, mu < 0.0);
  }
  var rho = mu + 0.85 * e * sinSign;
  var K: f32 = 0.0;
  var sc = vec2<f32>(0.0, 1.0);
  for (var step = 0; step <= 5; step++) {
    let q = floor(rho * KEPLER_TWO_OVER_PI + 0.5);
    rho = rho - q * KEPLER_PIO2_HI - q * KEPLER_PIO2_LO;
    K = K + q;
    let so = keplerSinOneMinusCos(rho);
    var quadrant = j + K;
    quadrant = quadrant - 4.0 * floor(quadrant * 0.25);
    sc = keplerQuadrant(quadrant, so.x, 1.0 - so.y);
    if (step < 5) {
      // Halley on h = (K pi/2 - mu + rho) - e sin E
      let h = K * KEPLER_PIO2_HI - mu + (K * KEPLER_PIO2_LO + rho) - e * sc.x;
      let h1 = 1.0 - e * sc.y;
      let h2 = e * sc.x;
      rho = rho - (h * h1) / (h1 * h1 - 0.5 * h * h2);
    }
  }
  let X = sc.y - e;
  return orbitB.xyz * X + vec3<f32>(orbitB.w, orbitC.x, orbitC.y) * sc.x;
}

// p - anchor, the anchor (e.g. the camera, m) as a float32 pair (high, low = anchor - high).
fn keplerRelative(p: vec3<f32>, anchorHigh: vec3<f32>, anchorLow: vec3<f32>) -> vec3<f32> {
  return (p - anchorHigh) - anchorLow;
}
