/**
 * Encounters of collectors with a body (the Earth, the Moon, Venus): how often they pass within a distance d.
 *
 * From the tracers' geometry (kinetic theory, as for collisions.ts): around the body, the collectors within a
 * probe sphere of radius R have number density n = Σ w / (4/3 π R^3) and speeds u_k relative to the body; the rate
 * of passages within d is Σ_k (w_k / V) π d^2 u_k (1 + v_esc(d)^2 / u_k^2), the last factor being gravitational
 * focusing (Öpik; v_esc(d)^2 = 2 GM / d). Straight-line, uniform-density approximation: valid where d is much
 * smaller than R and the density varies over scales larger than R.
 *
 * From a trajectory (a numerical sample, or two-body orbits for the tests): closeApproaches finds the local
 * minima of the distance to the body, sampled every coarseStepS and refined by golden-section search, with the
 * date, distance and relative speed of each.
 *
 * Co-orbital shells (a near the body's): tracers that share the body's orbit meet it slowly and repeatedly; in
 * the real dynamics they are on horseshoe or tadpole orbits (or scattered) and the straight-line rate does not
 * hold. This model does not treat them: the report warns where a shell is co-orbital (secularTracers.ts flags).
 * Units SI, ECLIPJ2000, TDB s past J2000.
 */
import { InputError } from '../errors.ts';

/** Golden-section iterations of the refinement: the bracket shrinks by 0.618^40 ≈ 4e-9 (a few ms of 4 days). */
const REFINE_ITERATIONS = 40;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

export interface KineticEncounterInput {
  /** Positions and velocities of the tracers, xyz interleaved, m and m/s; weights (collectors per tracer). */
  readonly positionsM: ArrayLike<number>;
  readonly velocitiesMS: ArrayLike<number>;
  readonly weights: ArrayLike<number>;
  readonly count: number;
  /** The body's position and velocity, m and m/s, and GM (m^3/s^2; 0 turns focusing off). */
  readonly bodyPositionM: ArrayLike<number>;
  readonly bodyVelocityMS: ArrayLike<number>;
  readonly bodyGmM3S2: number;
  /** Probe radius R, m. */
  readonly probeRadiusM: number;
}

/** Encounters per second within each distance of `distancesM` (m, each <= probe radius), and the tracers probed. */
export function kineticEncounterRates(
  input: KineticEncounterInput,
  distancesM: readonly number[],
): { readonly ratesPerS: Float64Array; readonly tracersInProbe: number } {
  const {
    positionsM,
    velocitiesMS,
    weights,
    count,
    bodyPositionM,
    bodyVelocityMS,
    bodyGmM3S2,
    probeRadiusM,
  } = input;
  if (!(probeRadiusM > 0)) throw new InputError(`must be > 0 m, got ${probeRadiusM}`, 'probeRadiusM');
  for (const d of distancesM) {
    if (!(d > 0 && d <= probeRadiusM)) {
      throw new InputError(`must be in (0, probeRadiusM = ${probeRadiusM}] m, got ${d}`, 'distancesM');
    }
  }
  const volume = (4 / 3) * Math.PI * probeRadiusM ** 3;
  const rates = new Float64Array(distancesM.length);
  const [bx, by, bz] = [bodyPositionM[0] as number, bodyPositionM[1] as number, bodyPositionM[2] as number];
  const [wx, wy, wz] = [
    bodyVelocityMS[0] as number,
    bodyVelocityMS[1] as number,
    bodyVelocityMS[2] as number,
  ];
  let inProbe = 0;
  for (let k = 0; k < count; k += 1) {
    const dx = (positionsM[3 * k] as number) - bx;
    const dy = (positionsM[3 * k + 1] as number) - by;
    const dz = (positionsM[3 * k + 2] as number) - bz;
    if (dx * dx + dy * dy + dz * dz > probeRadiusM * probeRadiusM) continue;
    inProbe += 1;
    const u = Math.hypot(
      (velocitiesMS[3 * k] as number) - wx,
      (velocitiesMS[3 * k + 1] as number) - wy,
      (velocitiesMS[3 * k + 2] as number) - wz,
    );
    if (!(u > 0)) continue;
    const w = weights[k] as number;
    distancesM.forEach((d, j) => {
      const focusing = 1 + (2 * bodyGmM3S2) / (d * u * u);
      rates[j] = (rates[j] as number) + (w / volume) * Math.PI * d * d * u * focusing;
    });
  }
  return { ratesPerS: rates, tracersInProbe: inProbe };
}

export interface CloseApproach {
  readonly tdbS: number;
  readonly distanceM: number;
  readonly relativeSpeedMS: number;
}

/** A relative position (m) of the tracer from the body at t, into out[0..2]. */
export type RelativePosition = (tdbS: number, out: Float64Array) => void;

/**
 * The close approaches (local minima of the distance below thresholdM, m) of a relative trajectory over
 * [t0, t1], sampled every coarseStepS and refined. A minimum is looked for near every coarse sample closer than
 * thresholdM + maxRelativeSpeedMS × coarseStepS (so none is missed at speeds below maxRelativeSpeedMS).
 */
export function closeApproaches(
  relative: RelativePosition,
  t0: number,
  t1: number,
  coarseStepS: number,
  thresholdM: number,
  maxRelativeSpeedMS: number,
): CloseApproach[] {
  if (!(t1 > t0 && coarseStepS > 0 && thresholdM > 0 && maxRelativeSpeedMS > 0)) {
    throw new InputError('must have t1 > t0 and positive step, threshold and speed', 'closeApproaches');
  }
  const p = new Float64Array(3);
  const distance = (t: number): number => {
    relative(t, p);
    return Math.hypot(p[0] as number, p[1] as number, p[2] as number);
  };
  const trigger = thresholdM + maxRelativeSpeedMS * coarseStepS;
  const steps = Math.ceil((t1 - t0) / coarseStepS);
  const out: CloseApproach[] = [];
  let previous = distance(t0);
  let current = distance(Math.min(t1, t0 + coarseStepS));
  for (let k = 1; k <= steps; k += 1) {
    const t = Math.min(t1, t0 + k * coarseStepS);
    const next = k === steps ? Infinity : distance(Math.min(t1, t + coarseStepS));
    if (current < trigger && current <= previous && current <= next) {
      // Golden-section search for the minimum in [t - step, t + step].
      let a = Math.max(t0, t - coarseStepS);
      let b = Math.min(t1, t + coarseStepS);
      let c = b - GOLDEN * (b - a);
      let d = a + GOLDEN * (b - a);
      let fc = distance(c);
      let fd = distance(d);
      for (let i = 0; i < REFINE_ITERATIONS; i += 1) {
        if (fc < fd) {
          b = d;
          d = c;
          fd = fc;
          c = b - GOLDEN * (b - a);
          fc = distance(c);
        } else {
          a = c;
          c = d;
          fc = fd;
          d = a + GOLDEN * (b - a);
          fd = distance(d);
        }
      }
      const tMin = 0.5 * (a + b);
      const dMin = distance(tMin);
      if (dMin < thresholdM) {
        // Relative speed by a central difference over ±60 s (the motion is straight to ~1e-7 over it).
        const h = 60;
        relative(tMin + h, p);
        const [x1, y1, z1] = [p[0] as number, p[1] as number, p[2] as number];
        relative(tMin - h, p);
        const speed =
          Math.hypot(x1 - (p[0] as number), y1 - (p[1] as number), z1 - (p[2] as number)) / (2 * h);
        out.push({ tdbS: tMin, distanceM: dMin, relativeSpeedMS: speed });
      }
    }
    previous = current;
    current = next;
  }
  return out;
}
