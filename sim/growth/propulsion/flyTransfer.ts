/**
 * Fly one transfer numerically: a collector leaves its site's circular heliocentric orbit (radius r1, under the
 * full GM_sun) with the mass driver's departure impulse, and steers with its propulsion until it is on the
 * shell's circular orbit (radius r2) under mu_eff = GM_sun (1 - beta), the orbit it keeps once it faces the Sun.
 *
 * Dynamics: planar two-body problem, heliocentric, Cartesian (x along the departure direction, y prograde):
 *   r'' = -GM r / |r|^3 + a_prop,
 * in units of r1 and sqrt(r1^3 / GM) (so that the step control sees numbers of order one), integrated by
 * Dormand-Prince 5(4) (sim/numeric/dopri5.ts) to TOLERANCE. The collector faces the Sun whenever it is not steering
 * a sail, so the Sun-facing radiation force beta GM / r^2 is always in a_prop: electric thrust comes on top of it, a
 * tilted sail replaces it (sailAcceleration.ts).
 *
 * Steering (McInnes, "Solar Sailing", 1999, ch. 4, locally optimal control laws, blended): every guidance interval
 * the wanted propulsive acceleration is the sum of two commands, in the osculating orbit under mu_eff:
 *   energy         along +-v-hat, the direction that changes the orbital energy E = v^2 / 2 - mu_eff / r fastest
 *                  (McInnes's energy-rate law), with weight dE / s, dE = (E - E_T) / E_T, E_T = -mu_eff / (2 r2);
 *   eccentricity   along -grad_v(e^2) = -[2 (e.r) v - (e.v) r - (r.v) e] (2 / mu_eff), the direction that lowers
 *                  the eccentricity fastest, with weight e / s;
 * s = max(STEERING_GAIN, hypot(dE, e)), so the two errors share the command in proportion and it throttles down
 * once both are within STEERING_GAIN (which stops it chattering about the target); the sum is scaled to length
 * <= 1 (the fraction of full thrust). Electric thrust flies this command; a sail takes the cone angle that
 * maximises its acceleration along the command (the locally optimal cone angle), tilted back towards its neutral
 * attitude by the command's throttle (sailAcceleration.ts throttledConeAngle). This is a feedback law, not a
 * time-optimal transfer: tests/growth/propulsion.test.ts measures it against Edelbaum's delta-v, the log spiral and
 * Kelley's minimum-time sail transfer to Mars. The flight ends when the orbit is in the target box
 * (|E - E_T| <= 1 % of |E_T|, so the semi-major axis within 1 %, and e <= 0.01: inside the shells' bands of a few
 * percent in radius and eccentricity), refused if it is not by the scenario's longest flight, or if it falls inside
 * 0.02 r1 or past 30 r1.
 *
 * Electric propellant (Tsiolkovsky, integrated): mass per kg of collector m = 1 + h + f - u, with h the thrusters'
 * mass, f the propellant loaded and u the propellant burnt, du/dt = F / (g0 Isp). f is found by fixed-point
 * iteration f <- u(end) (the flight depends on f only through the acceleration F / m), to 1e-10 relative.
 */
import { GM_SUN_M3_S2 } from '../../constants.ts';
import { dopri5 } from '../../numeric/dopri5.ts';
import { sailAccelerationFactors, throttledConeAngle } from './sailAcceleration.ts';

/** Standard gravity, m/s^2, that defines specific impulse (exhaust speed = G0 Isp; CGPM 1901). */
export const STANDARD_GRAVITY_M_S2 = 9.80665;

/** Relative and absolute tolerance of the integration (in units of r1 and the circular speed at r1). */
const TOLERANCE = 1e-10;
/** The target is reached with the orbital energy within this fraction of the target's and e below it. */
const ARRIVAL_TOLERANCE = 0.01;
/** Energy and eccentricity errors below which the steering throttles down (half the arrival tolerance). */
const STEERING_GAIN = 0.5 * ARRIVAL_TOLERANCE;
/** Weight of the eccentricity error against the energy error in the command (see the module comment). */
const ECCENTRICITY_WEIGHT = 1;
/** Inside this radius (units of r1) the collector is lost to the Sun; beyond the outer one it has escaped. */
const SUN_RADIUS = 0.02;
const ESCAPE_RADIUS = 30;
const MAX_STEPS = 100_000;
const PROPELLANT_ITERATIONS = 30;
const PROPELLANT_CONVERGED = 1e-10;

/** How the collector steers. */
export type FlightSteering =
  | {
      readonly kind: 'solar-sail';
      /** Lightness number of a perfect mirror of the collector's areal density, sigma* / sigma. */
      readonly perfectLightness: number;
      /** The collector's specular reflectivity, [0, 1]. */
      readonly reflectivity: number;
      /** Fixed cone angle, rad (a log spiral); null for the locally optimal law. */
      readonly fixedConeAngleRad: number | null;
    }
  | {
      readonly kind: 'electric';
      /** Thrust per kg of collector, N/kg: 2 efficiency P / (g0 Isp). */
      readonly thrustPerKgN: number;
      /** Exhaust speed g0 Isp, m/s. */
      readonly exhaustSpeedMS: number;
      /** Thruster and power-processing mass per kg of collector, kg/kg. */
      readonly thrusterKgPerKg: number;
    };

export interface FlightRequest {
  /** Site radius (circular, under GM_sun) and shell radius (circular, under mu_eff), m. */
  readonly departureRadiusM: number;
  readonly arrivalRadiusM: number;
  /** The collector's lightness number facing the Sun, [0, 1). */
  readonly lightnessNumber: number;
  /** Tangential speed added at departure by the mass driver, m/s (negative: retrograde). */
  readonly departureDeltaVMS: number;
  /** Radial (outward) speed at departure, m/s; 0 when left out (the mass driver's impulse is tangential). */
  readonly departureRadialSpeedMS?: number;
  readonly steering: FlightSteering;
  /** Longest flight, s. */
  readonly maxFlightS: number;
  /**
   * Lightness number of the target circle's mu (1 - beta): the collector's own (left out) for a shell it keeps by
   * facing the Sun; 0 for a rendezvous with a planet's orbit (the published sail transfers, test only).
   */
  readonly targetLightnessNumber?: number;
  /** Fixed-cone flights only: end at this radius (m) instead of on the target orbit. */
  readonly stopAtRadiusM?: number;
}

/** The sampled trajectory, heliocentric, m and m/s, in the departure frame (x: departure direction; y: prograde). */
export interface FlightTrack {
  readonly timesS: Float64Array;
  readonly xM: Float64Array;
  readonly yM: Float64Array;
  readonly vxMS: Float64Array;
  readonly vyMS: Float64Array;
}

export interface FlownTransfer {
  /** 'reached': on the target orbit (or stopAtRadiusM); otherwise why the flight was abandoned. */
  readonly outcome: 'reached' | 'too-slow' | 'sun' | 'escape';
  /** Flight time, s (the time flown when abandoned). */
  readonly flightS: number;
  /** Propulsive speed change, integral of |a_prop - beta GM / r^2 r-hat| dt, m/s. */
  readonly propulsiveDeltaVMS: number;
  /** Propellant and thruster mass per kg of collector, kg/kg (0 for a sail). */
  readonly propellantKgPerKg: number;
  readonly thrusterKgPerKg: number;
  /** Osculating semi-major axis (m) and eccentricity under mu_eff at the end. */
  readonly finalSemiMajorAxisM: number;
  readonly finalEccentricity: number;
  readonly track: FlightTrack;
}

/**
 * The steering command (see the module comment) into out: [radial, transverse] components of the wanted
 * propulsive acceleration as a fraction of the full one (length <= 1), dimensionless units.
 */
function steeringCommand(
  x: number,
  y: number,
  vx: number,
  vy: number,
  mu: number,
  energyTarget: number,
  out: Float64Array,
): void {
  const r = Math.hypot(x, y);
  const v = Math.hypot(vx, vy);
  const v2 = v * v;
  const rv = x * vx + y * vy;
  const ex = ((v2 - mu / r) * x - rv * vx) / mu;
  const ey = ((v2 - mu / r) * y - rv * vy) / mu;
  const e = Math.hypot(ex, ey);
  const de = (0.5 * v2 - mu / r - energyTarget) / energyTarget;
  const ux = vx / v;
  const uy = vy / v;
  // Both errors share the command in proportion, throttled once both are within STEERING_GAIN.
  const scaleError = Math.max(STEERING_GAIN, Math.hypot(de, ECCENTRICITY_WEIGHT * e));
  // Energy: along v-hat, sign(dE) so that E moves to E_T.
  const kE = de / scaleError;
  let cx = kE * ux;
  let cy = kE * uy;
  // Eccentricity: minus the gradient of e^2 in v.
  const er = ex * x + ey * y;
  const ev = ex * vx + ey * vy;
  const gx = 2 * er * vx - ev * x - rv * ex;
  const gy = 2 * er * vy - ev * y - rv * ey;
  const g = Math.hypot(gx, gy);
  if (g > 0) {
    const ke = (ECCENTRICITY_WEIGHT * e) / scaleError / g;
    cx -= ke * gx;
    cy -= ke * gy;
  }
  const c = Math.hypot(cx, cy);
  const scale = c > 1 ? 1 / c : 1;
  const rx = x / r;
  const ry = y / r;
  out[0] = scale * (cx * rx + cy * ry);
  out[1] = scale * (-cx * ry + cy * rx);
}

/** How far the osculating orbit is from the target box: >= 0 inside (|dE / E_T| <= 0.01 and e <= 0.01). */
function targetMargin(
  x: number,
  y: number,
  vx: number,
  vy: number,
  mu: number,
  energyTarget: number,
): number {
  const r = Math.hypot(x, y);
  const v2 = vx * vx + vy * vy;
  const rv = x * vx + y * vy;
  const ex = ((v2 - mu / r) * x - rv * vx) / mu;
  const ey = ((v2 - mu / r) * y - rv * vy) / mu;
  const de = (0.5 * v2 - mu / r - energyTarget) / energyTarget;
  return Math.min(ARRIVAL_TOLERANCE - Math.abs(de), ARRIVAL_TOLERANCE - Math.hypot(ex, ey));
}

/** Osculating semi-major axis and eccentricity under mu (dimensionless). */
function elements(x: number, y: number, vx: number, vy: number, mu: number): [number, number] {
  const r = Math.hypot(x, y);
  const v2 = vx * vx + vy * vy;
  const rv = x * vx + y * vy;
  const ex = ((v2 - mu / r) * x - rv * vx) / mu;
  const ey = ((v2 - mu / r) * y - rv * vy) / mu;
  return [1 / (2 / r - v2 / mu), Math.hypot(ex, ey)];
}

interface Run {
  /** Samples: times and the 6 state components, dimensionless. */
  readonly times: number[];
  readonly states: number[];
  readonly outcome: FlownTransfer['outcome'];
}

/**
 * The steering is held for a guidance interval, then re-chosen (a zero-order hold, as an attitude controller
 * would): the right-hand side stays smooth within each Dormand-Prince run, where a control evaluated at every
 * stage would jump where the optimal cone angle flips sign. The interval is one day, or shorter so that the
 * propulsion changes the speed by at most HOLD_SPEED_FRACTION ARRIVAL_TOLERANCE of the circular speed over one.
 */
const HOLD_MAX_S = 86_400;
const HOLD_SPEED_FRACTION = 0.1;

function run(request: FlightRequest, propellantLoaded: number): Run {
  const r1 = request.departureRadiusM;
  const timeUnitS = Math.sqrt((r1 * r1 * r1) / GM_SUN_M3_S2);
  const speedUnit = r1 / timeUnitS;
  const accelerationUnit = GM_SUN_M3_S2 / (r1 * r1);
  const beta = request.lightnessNumber;
  const targetBeta = request.targetLightnessNumber ?? beta;
  const mu = 1 - targetBeta;
  // The force the target's Kepler problem already holds: the Sun-facing one, or none (edge-on) under the full mu.
  const edgeOnNeutral = targetBeta !== beta;
  if (edgeOnNeutral && targetBeta !== 0) {
    throw new Error('flyTransfer: targetLightnessNumber must be the collector lightness number or 0');
  }
  const target = request.arrivalRadiusM / r1;
  const energyTarget = -mu / (2 * target);
  const steering = request.steering;
  const fixedCone = steering.kind === 'solar-sail' ? steering.fixedConeAngleRad : null;
  const stopRadius = request.stopAtRadiusM !== undefined ? request.stopAtRadiusM / r1 : null;
  const thrust = steering.kind === 'electric' ? steering.thrustPerKgN / accelerationUnit : 0;
  const burn =
    steering.kind === 'electric' ? (steering.thrustPerKgN / steering.exhaustSpeedMS) * timeUnitS : 0;
  const dryMass = steering.kind === 'electric' ? 1 + steering.thrusterKgPerKg : 1;
  const wetMass = dryMass + propellantLoaded;
  const command = new Float64Array(2);
  const factors = new Float64Array(2);
  // The held control: a thrust direction (electric) or a cone angle (sail), in the local frame (r-hat, theta-hat).
  let holdRadial = 0;
  let holdTransverse = 0;
  let holdCone = 0;

  const chooseControl = (s: ArrayLike<number>): void => {
    if (fixedCone !== null) {
      holdCone = fixedCone;
      return;
    }
    steeringCommand(
      s[0] as number,
      s[1] as number,
      s[2] as number,
      s[3] as number,
      mu,
      energyTarget,
      command,
    );
    const lr = command[0] as number;
    const lt = command[1] as number;
    if (steering.kind === 'electric') {
      holdRadial = lr;
      holdTransverse = lt;
    } else {
      // A sail throttles by tilting less than the locally optimal cone angle (facing the Sun: no push beyond
      // mu_eff).
      const fraction = Math.hypot(lr, lt);
      holdCone =
        fraction > 0
          ? throttledConeAngle(
              steering.perfectLightness,
              steering.reflectivity,
              lr,
              lt,
              fraction,
              edgeOnNeutral,
            )
          : edgeOnNeutral
            ? Math.PI / 2
            : 0;
    }
  };

  // y = [x, y, vx, vy, propellant burnt per kg of collector, propulsive delta-v].
  const derivative = (_t: number, s: Float64Array, out: Float64Array): void => {
    const x = s[0] as number;
    const y = s[1] as number;
    const vx = s[2] as number;
    const vy = s[3] as number;
    const r = Math.hypot(x, y);
    const r2 = r * r;
    const rx = x / r;
    const ry = y / r;
    let ax = -rx / r2;
    let ay = -ry / r2;
    let px: number;
    let py: number;
    let burnRate = 0;
    if (steering.kind === 'electric') {
      // Never below the dry mass: before the propellant iteration converges more may burn than was loaded.
      const a = thrust / Math.max(wetMass - (s[4] as number), dryMass);
      px = a * (holdRadial * rx - holdTransverse * ry);
      py = a * (holdRadial * ry + holdTransverse * rx);
      burnRate = burn * Math.hypot(holdRadial, holdTransverse);
      // Sun-facing radiation force, plus the thrust.
      ax += (beta * rx) / r2 + px;
      ay += (beta * ry) / r2 + py;
    } else {
      sailAccelerationFactors(holdCone, steering.perfectLightness, steering.reflectivity, factors);
      const fr = (factors[0] as number) / r2;
      const ft = (factors[1] as number) / r2;
      const sx = fr * rx - ft * ry;
      const sy = fr * ry + ft * rx;
      ax += sx;
      ay += sy;
      px = sx - (targetBeta * rx) / r2;
      py = sy - (targetBeta * ry) / r2;
    }
    out[0] = vx;
    out[1] = vy;
    out[2] = ax;
    out[3] = ay;
    out[4] = burnRate;
    out[5] = Math.hypot(px, py);
  };

  const events = {
    count: 3,
    values(_t: number, s: Float64Array, out: Float64Array): void {
      const x = s[0] as number;
      const y = s[1] as number;
      const r = Math.hypot(x, y);
      out[0] = SUN_RADIUS - r;
      out[1] = r - ESCAPE_RADIUS;
      if (stopRadius !== null) {
        out[2] = stopRadius < 1 ? stopRadius - r : r - stopRadius;
      } else {
        out[2] = targetMargin(x, y, s[2] as number, s[3] as number, mu, energyTarget);
      }
    },
  };

  // Largest propulsive acceleration (dimensionless): the thrust on the dry collector, or the sail's facing the
  // Sun at the inner of the two radii.
  const inner = Math.min(1, target);
  const maxAcceleration =
    steering.kind === 'electric'
      ? thrust / (1 + steering.thrusterKgPerKg)
      : steering.perfectLightness / (inner * inner);
  const holdS = Math.min(
    HOLD_MAX_S,
    (HOLD_SPEED_FRACTION * ARRIVAL_TOLERANCE * timeUnitS) / Math.max(maxAcceleration, 1e-300),
  );
  const hold = holdS / timeUnitS;
  const tEnd = request.maxFlightS / timeUnitS;

  let state: ArrayLike<number> = [
    1,
    0,
    (request.departureRadialSpeedMS ?? 0) / speedUnit,
    1 + request.departureDeltaVMS / speedUnit,
    0,
    0,
  ];
  const times: number[] = [0];
  const states: number[] = Array.from(state);
  let t = 0;
  let outcome: FlownTransfer['outcome'] = 'too-slow';
  while (t < tEnd) {
    chooseControl(state);
    const segment = dopri5(derivative, t, state, Math.min(t + hold, tEnd), {
      tolerance: TOLERANCE,
      initialStep: Math.min(hold, 1e-3),
      maxSteps: MAX_STEPS,
      events,
    });
    for (let i = 1; i < segment.count; i += 1) {
      times.push(segment.times[i] as number);
      for (let k = 0; k < 6; k += 1) states.push(segment.states[6 * i + k] as number);
    }
    const last = segment.count - 1;
    t = segment.times[last] as number;
    state = segment.states.subarray(6 * last, 6 * last + 6);
    if (segment.event >= 0) {
      outcome = segment.event === 2 ? 'reached' : segment.event === 0 ? 'sun' : 'escape';
      break;
    }
  }
  return { times, states, outcome };
}

/** Whether the departure impulse alone already puts the collector in the target box. */
export function departureReachesTarget(request: FlightRequest): boolean {
  const r1 = request.departureRadiusM;
  const speedUnit = Math.sqrt(GM_SUN_M3_S2 / r1);
  const mu = 1 - request.lightnessNumber;
  const energyTarget = -mu / (2 * (request.arrivalRadiusM / r1));
  return targetMargin(1, 0, 0, 1 + request.departureDeltaVMS / speedUnit, mu, energyTarget) >= 0;
}

/**
 * Fly the transfer (see the module comment). Deterministic: the same request gives the same numbers bit for bit.
 * Throws Error only when the integrator runs out of steps.
 */
export function flyTransfer(request: FlightRequest): FlownTransfer {
  const steering = request.steering;
  let propellant = 0;
  let flight = run(request, propellant);
  if (steering.kind === 'electric') {
    for (let k = 0; k < PROPELLANT_ITERATIONS; k += 1) {
      const burnt = flight.states[flight.states.length - 2] as number;
      if (Math.abs(burnt - propellant) <= PROPELLANT_CONVERGED * (1 + burnt)) break;
      propellant = burnt;
      flight = run(request, propellant);
    }
  }
  const { outcome } = flight;
  const r1 = request.departureRadiusM;
  const timeUnitS = Math.sqrt((r1 * r1 * r1) / GM_SUN_M3_S2);
  const speedUnit = r1 / timeUnitS;
  const n = flight.times.length;
  const timesS = new Float64Array(n);
  const xM = new Float64Array(n);
  const yM = new Float64Array(n);
  const vxMS = new Float64Array(n);
  const vyMS = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    timesS[i] = (flight.times[i] as number) * timeUnitS;
    xM[i] = (flight.states[6 * i] as number) * r1;
    yM[i] = (flight.states[6 * i + 1] as number) * r1;
    vxMS[i] = (flight.states[6 * i + 2] as number) * speedUnit;
    vyMS[i] = (flight.states[6 * i + 3] as number) * speedUnit;
  }
  const last = 6 * (n - 1);
  const [a, e] = elements(
    flight.states[last] as number,
    flight.states[last + 1] as number,
    flight.states[last + 2] as number,
    flight.states[last + 3] as number,
    1 - (request.targetLightnessNumber ?? request.lightnessNumber),
  );
  return {
    outcome,
    flightS: timesS[n - 1] as number,
    propulsiveDeltaVMS: (flight.states[last + 5] as number) * speedUnit,
    propellantKgPerKg: steering.kind === 'electric' ? (flight.states[last + 4] as number) : 0,
    thrusterKgPerKg: steering.kind === 'electric' ? steering.thrusterKgPerKg : 0,
    finalSemiMajorAxisM: a * r1,
    finalEccentricity: e,
    track: { timesS, xM, yM, vxMS, vyMS },
  };
}
