/**
 * Formation flying (issue 13, "places consistent with orbits"): the collectors that feed one compute node fly
 * with it, on the node's orbit plus a small bounded relative orbit, so that their distance to the node stays
 * within the cluster radius the link budget uses, for as long as the two-body propagation runs.
 *
 * The relative orbit is the bounded solution of the Clohessy-Wiltshire (Hill) equations about the node, in its
 * local frame (x radial, y along-track, z along the orbit normal; Clohessy & Wiltshire 1960, J. Aerospace Sci.
 * 27(9):653; Vallado 2013, Fundamentals of Astrodynamics, 4th ed., sec. 6.8):
 *   x = A cos(nt + alpha),  y = y0 - 2A sin(nt + alpha),  z = B cos(nt + gamma),
 * the no-drift condition ydot0 = -2 n x0 being the linear form of da = 0. The member's elements are then built
 * from the node's state plus that relative state, and their semi-major axis is set to the node's exactly: equal a
 * is equal mean motion under mu (1 - beta), so no along-track drift accrues however long the run (the linear
 * condition alone leaves da of order e delta a, a drift of ~3 pi da per orbit). Separation bound: on each axis
 * |x| <= A, |y| <= |y0| + 2A, |z| <= B, so |rho| <= sqrt(A^2 + (|y0| + 2A)^2 + B^2); with A, B and |y0| at most
 * s R that is sqrt(11) s R, and s = FORMATION_AMPLITUDE_SHARE = 0.9 / sqrt(11) makes the linear bound 0.9 R. The
 * remaining tenth covers what the circular, linear model leaves out: the node's eccentricity (<= 0.03 in the
 * baseline; the relative motion about an eccentric reference differs from CW by terms of order e |rho|, D'Amico
 * 2010, PhD thesis TU Delft, ch. 2), the nonlinear terms (order |rho|^2 / a, ~1e-5 |rho| for 2,000 km at 0.7 au)
 * and the small position change of resetting a. The radial amplitude is drawn in [s R / 2, s R] so that the
 * formation fills its radius (the link budget takes every collector at the radius).
 */
import { keplerToState, stateToKepler } from '../orbit/state.ts';
import type { KeplerElements, Vec3 } from '../orbit/elements.ts';
import { cross } from '../orbit/vec3.ts';

/** Largest amplitude of each relative-orbit term over the cluster radius (module comment: bound 0.9 R). */
export const FORMATION_AMPLITUDE_SHARE = 0.9 / Math.sqrt(11);

/** A member's relative orbit: five numbers uniform in [0, 1) that pick its amplitudes and phases. */
export interface RelativeOrbitDraw {
  readonly radial: number;
  readonly radialPhase: number;
  readonly alongTrack: number;
  readonly crossTrack: number;
  readonly crossPhase: number;
}

function unit(v: Vec3): Vec3 {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
}

/**
 * The elements of a formation member at the node's epoch: the node's elements (at that epoch), the cluster radius
 * `radiusM` (m), mu (1 - beta) (m^3/s^2) and the member's draw. Its semi-major axis is the node's.
 */
export function memberElements(
  node: KeplerElements,
  radiusM: number,
  muM3S2: number,
  draw: RelativeOrbitDraw,
): KeplerElements {
  const bound = FORMATION_AMPLITUDE_SHARE * radiusM;
  const A = bound * (0.5 + 0.5 * draw.radial);
  const alpha = 2 * Math.PI * draw.radialPhase;
  const y0 = bound * (2 * draw.alongTrack - 1);
  const B = bound * draw.crossTrack;
  const gamma = 2 * Math.PI * draw.crossPhase;
  return relativeToElements(node, muM3S2, (rate) => ({
    local: [A * Math.cos(alpha), y0 - 2 * A * Math.sin(alpha), B * Math.cos(gamma)],
    localRate: [-A * rate * Math.sin(alpha), -2 * A * rate * Math.cos(alpha), -B * rate * Math.sin(gamma)],
  }));
}

/**
 * The elements of a member on the circular relative orbit about the node, at a constant distance `ringRadiusM`
 * (m) from it: x = (rho/2) cos(nt + alpha), y = -rho sin(nt + alpha), z = (sqrt(3)/2) rho cos(nt + alpha), whose
 * |rho|^2 = rho^2 (cos^2 + sin^2) at every instant (the bounded CW solution with a 2:1 in-plane ellipse tilted
 * 60 deg out of the orbit plane; Sabol, Burns & McLaughlin 2001, J. Spacecraft Rockets 38(2):270, "circular
 * formation"). `phase` in [0, 1) places the member on the ring. The hubs' feeders fly it (hubOrbit.ts), so that
 * every feeder is at the hop's stated distance at every instant, within the eccentric-reference and nonlinear
 * terms the module comment bounds (order e |rho|, 1.7 % for the Earth's e).
 */
export function ringMemberElements(
  node: KeplerElements,
  ringRadiusM: number,
  muM3S2: number,
  phase: number,
): KeplerElements {
  const half = ringRadiusM / 2;
  const tilt = (Math.sqrt(3) / 2) * ringRadiusM;
  const alpha = 2 * Math.PI * phase;
  return relativeToElements(node, muM3S2, (rate) => ({
    local: [half * Math.cos(alpha), -ringRadiusM * Math.sin(alpha), tilt * Math.cos(alpha)],
    localRate: [
      -half * rate * Math.sin(alpha),
      -ringRadiusM * rate * Math.cos(alpha),
      -tilt * rate * Math.sin(alpha),
    ],
  }));
}

/** The member's elements from its relative state in the node's local frame (given the frame's rate, rad/s). */
function relativeToElements(
  node: KeplerElements,
  muM3S2: number,
  relative: (rateRadS: number) => { local: Vec3; localRate: Vec3 },
): KeplerElements {
  const { positionM: r, velocityMS: v } = keplerToState(node, muM3S2);
  const h = cross(r, v);
  const rNorm2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
  // The local frame's rate: the node's angular rate h / r^2 (n for a circular node).
  const rateRadS = Math.hypot(h[0], h[1], h[2]) / rNorm2;
  const xHat = unit(r);
  const zHat = unit(h);
  const yHat = cross(zHat, xHat);
  const { local, localRate } = relative(rateRadS);
  const dr: Vec3 = [0, 0, 0];
  const dvRot: Vec3 = [0, 0, 0];
  for (let c = 0; c < 3; c += 1) {
    dr[c] = local[0] * xHat[c]! + local[1] * yHat[c]! + local[2] * zHat[c]!;
    dvRot[c] = localRate[0] * xHat[c]! + localRate[1] * yHat[c]! + localRate[2] * zHat[c]!;
  }
  // Inertial relative velocity: the rate seen in the rotating frame plus omega x rho, omega = rate along z.
  const omegaCrossRho = cross([rateRadS * zHat[0], rateRadS * zHat[1], rateRadS * zHat[2]], dr);
  const member = stateToKepler(
    {
      positionM: [r[0] + dr[0], r[1] + dr[1], r[2] + dr[2]],
      velocityMS: [
        v[0] + dvRot[0] + omegaCrossRho[0],
        v[1] + dvRot[1] + omegaCrossRho[1],
        v[2] + dvRot[2] + omegaCrossRho[2],
      ],
    },
    muM3S2,
  );
  return { ...member, semiMajorAxisM: node.semiMajorAxisM };
}
