/**
 * Transfers flown numerically (sim/growth/propulsion/), against analytic solutions and the rocket equation:
 * - no propulsion, two impulses: the Hohmann half-ellipse under mu (1 - beta) (transfer.ts, Curtis sec. 6.2) flown
 *   by the integrator from the departure impulse arrives at r2 after pi sqrt(a^3 / mu_eff) at the speed that
 *   leaves exactly the analytic arrival delta-v;
 * - low thrust, circle to circle: the propulsive delta-v of a slow spiral tends to Edelbaum's |v1 - v2|
 *   (Edelbaum 1961, ARS Journal 31(8), the coplanar limit);
 * - a perfect sail at a fixed cone angle, started on the logarithmic spiral, follows it: the time to r2 is the
 *   log-spiral time (McInnes 1999 ch. 4; re-derived here from the equations of motion in polar form);
 * - the locally optimal sail to Mars's orbit against Kelley's published minimum time (Bryson 1999);
 * - electric propellant against Tsiolkovsky, and the propellant in the growth model's mass ledger;
 * - shells the launch and the propulsion cannot reach are refused with exit 2, naming the shell and both speeds.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AU_M,
  GM_SUN_M3_S2,
  SECONDS_PER_DAY,
  SECONDS_PER_JULIAN_YEAR,
  SOLAR_LUMINOSITY_W,
  SPEED_OF_LIGHT_M_S,
} from '../../sim/constants.ts';
import { PATH } from '../../sim/growth/layout.ts';
import { flyTransfer, STANDARD_GRAVITY_M_S2 } from '../../sim/growth/propulsion/flyTransfer.ts';
import {
  idealLocallyOptimalConeAngle,
  locallyOptimalConeAngle,
} from '../../sim/growth/propulsion/sailAcceleration.ts';
import { growthStateAt } from '../../sim/growth/state.ts';
import { hohmannTransfer } from '../../sim/growth/transfer.ts';
import { cli, tempDir } from '../cli/helpers.ts';
import { loadBaselineWithGrowth, loadGrowthScenario, readScenarioJson, runScenario } from './helpers.ts';

/**
 * Hohmann time and arrival speed flown against the closed forms, relative: the integrator's tolerance (1e-10 on
 * order-one numbers) over half an orbit, observed ~1e-11; 1e-8.
 */
const HOHMANN_REL = 1e-8;
/**
 * Log-spiral time flown against the closed form, relative: the same integration, and the event located to 2^-60 of
 * a step; 1e-8.
 */
const LOG_SPIRAL_REL = 1e-8;
/**
 * Spiral delta-v against Edelbaum's |v1 - v2| (v2 at the final semi-major axis), relative: at a thrust of 0.17 % of
 * the Sun's gravity at 1 au the spiral is quasi-circular and the law thrusts almost along the velocity; observed
 * +0.056 %, so 0.1 %. It would fail for a law that wasted a thousandth of its thrust.
 */
const EDELBAUM_REL = 1e-3;
/** The excess over Edelbaum must shrink with the thrust: at 0.3x the thrust, observed 0.097x the excess; 0.25. */
const EDELBAUM_CONVERGENCE = 0.25;
/**
 * Kelley's minimum time is a lower bound, less the slack of the flight's arrival box (energy within 1 %, e <= 0.01,
 * against an exact rendezvous): 0.95 of it. The feedback law's own inefficiency at 0.17 g: measured 4.1x, so 5x.
 */
const KELLEY_BOX_SLACK = 0.95;
const KELLEY_FEEDBACK_FACTOR = 5;
/** Propellant against the rocket equation, relative: two integrals of the same run (mass and |a| dt); 1e-8. */
const ROCKET_REL = 1e-8;
/** Locally optimal cone angle by scan + golden section against McInnes's closed form, rad (40 golden steps). */
const CONE_ANGLE_RAD = 1e-7;

describe('transfers flown numerically', () => {
  it('flies the Hohmann half-ellipse under mu (1 - beta) from its departure impulse alone', () => {
    const beta = 0.05;
    const muEff = GM_SUN_M3_S2 * (1 - beta);
    const r1 = AU_M;
    const r2 = 0.72 * AU_M;
    const analytic = hohmannTransfer(r1, r2, muEff);
    const vSite = Math.sqrt(GM_SUN_M3_S2 / r1);
    const vT1 = Math.sqrt((muEff * 2 * r2) / (r1 * (r1 + r2)));
    const flown = flyTransfer({
      departureRadiusM: r1,
      arrivalRadiusM: r2,
      lightnessNumber: beta,
      departureDeltaVMS: vT1 - vSite,
      // No thrust: a Sun-facing sheet under mu (1 - beta), coasting to the half period.
      steering: { kind: 'electric', thrustPerKgN: 0, exhaustSpeedMS: 1, thrusterKgPerKg: 0 },
      maxFlightS: analytic.hohmannFlightS,
    });
    expect(analytic.departureDeltaVMS).toBeCloseTo(vSite - vT1, 6);
    const n = flown.track.timesS.length - 1;
    const x = flown.track.xM[n] as number;
    const y = flown.track.yM[n] as number;
    const speed = Math.hypot(flown.track.vxMS[n] as number, flown.track.vyMS[n] as number);
    expect(Math.abs(flown.flightS / analytic.hohmannFlightS - 1)).toBeLessThan(HOHMANN_REL);
    expect(Math.abs(Math.hypot(x, y) / r2 - 1)).toBeLessThan(HOHMANN_REL);
    // Arrival 180 degrees on, where the second impulse is the analytic arrival delta-v.
    expect(Math.PI - Math.abs(Math.atan2(y, x))).toBeLessThan(HOHMANN_REL);
    const vCirc2 = Math.sqrt(muEff / r2);
    expect(Math.abs((speed - vCirc2) / analytic.arrivalDeltaVMS - 1)).toBeLessThan(1e-6);
    expect(flown.propulsiveDeltaVMS).toBe(0);
  });

  it("spirals from 1 au to 0.72 au at low thrust for Edelbaum's |v1 - v2|, closer as the thrust falls", () => {
    const r1 = AU_M;
    const r2 = 0.72 * AU_M;
    // Isp 1e5 s: the mass hardly changes, so the thrust acceleration is the one given.
    const exhaustSpeedMS = STANDARD_GRAVITY_M_S2 * 1e5;
    const excess = (thrustPerKgN: number): number => {
      const flown = flyTransfer({
        departureRadiusM: r1,
        arrivalRadiusM: r2,
        lightnessNumber: 0,
        departureDeltaVMS: 0,
        steering: { kind: 'electric', thrustPerKgN, exhaustSpeedMS, thrusterKgPerKg: 0 },
        maxFlightS: 80 * SECONDS_PER_JULIAN_YEAR,
      });
      expect(flown.outcome).toBe('reached');
      expect(flown.finalEccentricity).toBeLessThanOrEqual(0.01);
      const edelbaum = Math.abs(
        Math.sqrt(GM_SUN_M3_S2 / r1) - Math.sqrt(GM_SUN_M3_S2 / flown.finalSemiMajorAxisM),
      );
      return flown.propulsiveDeltaVMS / edelbaum - 1;
    };
    const coarse = excess(1e-5);
    expect(coarse).toBeGreaterThanOrEqual(0); // Edelbaum's is the least a spiral can spend
    expect(coarse).toBeLessThan(EDELBAUM_REL);
    const fine = excess(3e-6);
    expect(fine).toBeGreaterThanOrEqual(0);
    expect(fine).toBeLessThan(EDELBAUM_CONVERGENCE * coarse);
  });

  it('follows the logarithmic spiral of a perfect sail at a fixed cone angle, for its analytic time', () => {
    // Polar equations with v_r = k_r sqrt(mu / r), v_theta = k_t sqrt(mu / r) (r^(-1/2) scaling of the spiral):
    //   r'' - r theta'^2 = -mu / r^2 + beta0 mu cos^3(alpha) / r^2  ->  k_t^2 = 1 - b - k_r^2 / 2,  b = beta0 cos^3
    //   (r^2 theta')' / r = beta0 mu cos^2 sin / r^2                 ->  k_r k_t / 2 = beta0 cos^2(alpha) sin(alpha)
    // so q = k_t^2 solves q^2 - (1 - b) q + 2 s^2 = 0 (s = beta0 cos^2 sin), and r' = k_r sqrt(mu / r) gives
    // t = (2 / 3) (r2^(3/2) - r1^(3/2)) / (k_r sqrt(mu)).
    const beta0 = 0.05;
    const alpha = -Math.atan(1 / Math.sqrt(2)); // 35.26 deg, the cone angle McInnes gives for the fastest spiral
    const c = Math.cos(alpha);
    const b = beta0 * c ** 3;
    const s = beta0 * c * c * Math.sin(alpha);
    const q = 0.5 * (1 - b + Math.sqrt((1 - b) ** 2 - 8 * s * s));
    const kT = Math.sqrt(q);
    const kR = (2 * s) / kT;
    const r1 = AU_M;
    const r2 = 0.72 * AU_M;
    const v1 = Math.sqrt(GM_SUN_M3_S2 / r1);
    const analyticS = ((2 / 3) * (r2 ** 1.5 - r1 ** 1.5)) / (kR * Math.sqrt(GM_SUN_M3_S2));
    const flown = flyTransfer({
      departureRadiusM: r1,
      arrivalRadiusM: r2,
      lightnessNumber: beta0,
      departureDeltaVMS: (kT - 1) * v1,
      departureRadialSpeedMS: kR * v1,
      steering: { kind: 'solar-sail', perfectLightness: beta0, reflectivity: 1, fixedConeAngleRad: alpha },
      maxFlightS: 10 * SECONDS_PER_JULIAN_YEAR,
      stopAtRadiusM: r2,
    });
    expect(flown.outcome).toBe('reached');
    expect(Math.abs(flown.flightS / analyticS - 1)).toBeLessThan(LOG_SPIRAL_REL);
    // On the spiral the whole way: v_r / v stays k_r / sqrt(k_r^2 + k_t^2) (the constant flight-path angle).
    const n = flown.track.timesS.length;
    for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 50))) {
      const x = flown.track.xM[i] as number;
      const y = flown.track.yM[i] as number;
      const vx = flown.track.vxMS[i] as number;
      const vy = flown.track.vyMS[i] as number;
      const radial = (x * vx + y * vy) / Math.hypot(x, y) / Math.hypot(vx, vy);
      expect(Math.abs(radial - kR / Math.hypot(kR, kT))).toBeLessThan(1e-8);
    }
  });

  it("sails to Mars's orbit no faster than Kelley's minimum time (Bryson 1999), and within 5x of it", () => {
    // Bryson, A. E. (1999) Dynamic Optimization, Addison Wesley Longman, sec. 4.7, the minimum-time solar-sail
    // transfer from the Earth's circular orbit to Mars's (after H. J. Kelley 1962): a perfect sail with
    // characteristic acceleration 0.17 GM / r0^2 (1.0 mm/s^2 at 1 au), normal force 0.17 cos^2 / r^2, circular
    // start at r = 1 and rendezvous with the circle r = 1.5237 under the full GM (v = 0.8101); minimum time
    // tf = 6.9924 sqrt(r0^3 / GM) = 406.4 days (the book's scripts p4_7_21*.m and f04_14.m, with its subroutine
    // martss.m). Our sail steers by a local feedback law, not the time-optimal one: it may not beat the minimum
    // (less the slack of its 1 % arrival box), and it takes 4.1x as long (measured: 28.6 units, its eccentricity
    // pumped to ~0.2 while the energy is raised at this high acceleration, then damped), so 5x.
    const timeUnitS = Math.sqrt(AU_M ** 3 / GM_SUN_M3_S2);
    const flown = flyTransfer({
      departureRadiusM: AU_M,
      arrivalRadiusM: 1.5237 * AU_M,
      lightnessNumber: 0.17,
      targetLightnessNumber: 0,
      departureDeltaVMS: 0,
      steering: { kind: 'solar-sail', perfectLightness: 0.17, reflectivity: 1, fixedConeAngleRad: null },
      maxFlightS: 10 * SECONDS_PER_JULIAN_YEAR,
    });
    expect(flown.outcome).toBe('reached');
    const published = 6.9924 * timeUnitS;
    expect(flown.flightS).toBeGreaterThan(KELLEY_BOX_SLACK * published);
    expect(flown.flightS).toBeLessThan(KELLEY_FEEDBACK_FACTOR * published);
  });

  it("takes McInnes's closed-form locally optimal cone angle for a perfect mirror", () => {
    for (let k = 0; k < 36; k += 1) {
      const t = -Math.PI + (k + 0.5) * ((2 * Math.PI) / 36);
      const lr = Math.cos(t);
      const lt = Math.sin(t);
      const closed = idealLocallyOptimalConeAngle(lr, lt);
      // Towards the Sun (lr < 0 and |lt| small) the closed form gives angles near +-90 deg: both search the same.
      expect(Math.abs(locallyOptimalConeAngle(0.05, 1, lr, lt) - closed)).toBeLessThan(CONE_ANGLE_RAD);
    }
  });

  it('burns the propellant of the rocket equation for the delta-v it flies (electric)', () => {
    const isp = 2500;
    const exhaustSpeedMS = STANDARD_GRAVITY_M_S2 * isp;
    const thrusterKgPerKg = 0.03;
    const flown = flyTransfer({
      departureRadiusM: AU_M,
      arrivalRadiusM: 0.71 * AU_M,
      lightnessNumber: 0.0014,
      departureDeltaVMS: -1000,
      steering: {
        kind: 'electric',
        thrustPerKgN: (2 * 0.3 * 10) / exhaustSpeedMS,
        exhaustSpeedMS,
        thrusterKgPerKg,
      },
      maxFlightS: 5 * SECONDS_PER_JULIAN_YEAR,
    });
    expect(flown.outcome).toBe('reached');
    // m0 / m1 = exp(dv / ve), m1 = 1 + thrusters: the propellant loaded is what the flight burns.
    const rocket = (1 + thrusterKgPerKg) * Math.expm1(flown.propulsiveDeltaVMS / exhaustSpeedMS);
    expect(Math.abs(flown.propellantKgPerKg / rocket - 1)).toBeLessThan(ROCKET_REL);
  });
});

describe('propellant in the mass ledger', () => {
  it('bookkeeping: each path launches its flight propellant and thrusters with every kg of collector', () => {
    const { params, history } = runScenario(loadBaselineWithGrowth());
    const end = growthStateAt(history, history.toTdbS);
    const row = (history.sampleCount - 1) * history.layout.size;
    let propulsion = 0;
    let propellant = 0;
    for (let p = 0; p < history.layout.pathCount; p += 1) {
      const o = row + history.layout.pathOffset(p);
      const target =
        params.sites[history.layout.pathSite[p] ?? 0]?.targets[history.layout.pathTarget[p] ?? 0];
      const launched = history.states[o + PATH.launchedKg] as number;
      const kg = history.states[o + PATH.propellantKg] as number;
      expect(kg).toBeCloseTo(launched * (target?.propellantKgPerKg ?? NaN), 0);
      const thrusters = history.states[o + PATH.thrusterKg] as number;
      expect(thrusters).toBeCloseTo(launched * (target?.thrusterKgPerKg ?? NaN), 0);
      propellant += kg;
      propulsion += kg + thrusters;
    }
    // The electric inner path carries propellant; the ledger closes with it.
    expect(propellant).toBeGreaterThan(0);
    expect(end.massLedger.inPropulsionKg).toBeCloseTo(propulsion, 0);
    expect(Math.abs(end.massLedger.residualKg)).toBeLessThan(1e-9 * end.massLedger.minedKg);
  });

  it('launches more mass per collector on the electric path than on the ballistic one (the rocket equation)', () => {
    const { params } = runScenario(loadBaselineWithGrowth());
    const [ballistic, electric] = params.sites[0]?.targets ?? [];
    expect(ballistic?.propellantKgPerKg).toBe(0);
    const transfer = electric?.transfer;
    expect(transfer?.propulsion).toBe('electric');
    if (transfer === undefined || electric === undefined) return;
    const ve = STANDARD_GRAVITY_M_S2 * 2500;
    expect(
      Math.abs(
        electric.propellantKgPerKg /
          ((1 + electric.thrusterKgPerKg) * Math.expm1(transfer.propulsiveDeltaVMS / ve)) -
          1,
      ),
    ).toBeLessThan(ROCKET_REL);
    // The flight is no faster than the impulsive Hohmann half-ellipse, and its delta-v no less than Edelbaum's
    // circle-to-circle minus the mass driver's share.
    const r2 = params.shellRadiiM[1] ?? NaN;
    const vCirc = (r: number): number =>
      Math.sqrt((GM_SUN_M3_S2 * (1 - params.collectorLightnessNumber)) / r);
    expect(transfer.propulsiveDeltaVMS + Math.abs(transfer.departureDeltaVMS)).toBeGreaterThan(
      0.95 * (vCirc(r2) - vCirc(AU_M)),
    );
    expect(transfer.flightS).toBeGreaterThan(hohmannTransfer(AU_M, r2, GM_SUN_M3_S2).hohmannFlightS);
  });
});

describe('shells the launch cannot reach', () => {
  async function validate(edit: (scenario: Record<string, unknown>) => void, name: string) {
    const scenario = structuredClone(readScenarioJson(name)) as Record<string, unknown>;
    edit(scenario);
    const file = join(await tempDir(), `${name}.json`);
    await writeFile(file, JSON.stringify(scenario));
    return cli('scenario', 'validate', file);
  }
  type Target = { shell: string; propulsion: Record<string, unknown> };
  const target = (scenario: Record<string, unknown>, site: number, index: number): Target =>
    (scenario as { growth: { sites: Array<{ targets: Target[] }> } }).growth.sites[site]?.targets[
      index
    ] as Target;

  it('exits 2 for a ballistic inner shell, naming the shell, the speed needed and the speed available', async () => {
    const result = await validate((s) => {
      target(s, 0, 1).propulsion = { kind: 'ballistic' };
    }, 'baseline');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('growth.sites[0].targets[1].propulsion');
    expect(result.stderr).toContain('shell "inner-0.7au"');
    // Hohmann under mu (1 - beta) from 1 au to 0.71 au: 2.6 + 2.8 km/s; the 2.6 km/s driver's excess: 1.056 km/s.
    expect(result.stderr).toMatch(/needs 5\.\d{3} km\/s .* gives 1\.056 km\/s/);
  });

  it('exits 2 for a sail that cannot circularise within the stated flight time', async () => {
    const result = await validate((s) => {
      target(s, 0, 0).propulsion = { kind: 'solar-sail', maxFlightDays: 30 };
    }, 'nasa-1980-lunar-factory');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shell "near-1au"');
    expect(result.stderr).toContain('does not arrive within maxFlightDays = 30');
    expect(result.stderr).toMatch(/needs 1\.2\d\d km\/s .* gives 0\.77\d km\/s/);
  });

  it('exits 2 for electric propulsion over its propellant bound, naming the field', async () => {
    const result = await validate((s) => {
      target(s, 0, 1).propulsion = { ...target(s, 0, 1).propulsion, maxPropellantFraction: 0.05 };
    }, 'baseline');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('growth.sites[0].targets[1].propulsion.maxPropellantFraction');
    expect(result.stderr).toContain('shell "inner-0.7au"');
  });

  it('exits 2 for thrusters asking more power than the collector makes', async () => {
    const result = await validate((s) => {
      target(s, 0, 1).propulsion = { ...target(s, 0, 1).propulsion, powerWPerKg: 1000 };
    }, 'baseline');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('growth.sites[0].targets[1].propulsion.powerWPerKg');
  });
});

describe('the NASA 1980 lunar factory pays its circularisation', () => {
  it('sails its collectors onto the 1-au circle under mu (1 - beta) in a flight the growth model waits for', () => {
    const { params } = runScenario(loadGrowthScenario('nasa-1980-lunar-factory'));
    const target = params.sites[0]?.targets[0];
    expect(target?.transfer.propulsion).toBe('solar-sail');
    // A 0.084 sheet at 1 au is v (1 - sqrt(1 - beta)) = 1.28 km/s too fast for the circle; the 2.5 km/s driver's
    // excess pays 0.78 of it. beta from sigma* = L / (2 pi c GM) (McInnes eq. 2.29), 10 g/m^2, reflectivity 0.1.
    const sigmaStar = SOLAR_LUMINOSITY_W / (2 * Math.PI * SPEED_OF_LIGHT_M_S * GM_SUN_M3_S2);
    const beta = (sigmaStar / 0.01) * 0.55;
    const need = Math.sqrt(GM_SUN_M3_S2 / AU_M) * (1 - Math.sqrt(1 - beta));
    expect(Math.abs((target?.transfer.impulsiveDeltaVMS ?? 0) / need - 1)).toBeLessThan(1e-9);
    expect(target?.flightS ?? 0).toBeGreaterThan(30 * SECONDS_PER_DAY);
    expect(target?.transferS).toBe(target?.flightS);
  });

  it('holds the collectors in transit, capturing nothing, for the flown time after the first launch', () => {
    const { params, history } = runScenario(loadGrowthScenario('nasa-1980-lunar-factory'));
    const flightS = params.sites[0]?.targets[0]?.flightS ?? NaN;
    const slot = history.layout.pathOffset(0) + PATH.launchedKg;
    let first = 0;
    while (first < history.sampleCount && !((history.states[first * history.layout.size + slot] ?? 0) > 0)) {
      first += 1;
    }
    const firstLaunchS = history.timesTdbS[Math.max(first - 1, 0)] as number;
    // Just before the first collectors can arrive: some in flight, none on station, no power.
    const before = growthStateAt(history, firstLaunchS + 0.99 * flightS);
    expect(before.collectorsInTransit).toBeGreaterThan(0);
    expect(before.collectorsOnStation).toBe(0);
    expect(before.capturedPowerW).toBe(0);
    // A flight after that they are arriving and capturing.
    const after = growthStateAt(history, firstLaunchS + 1.05 * flightS);
    expect(after.collectorsOnStation).toBeGreaterThan(0);
    expect(after.capturedPowerW).toBeGreaterThan(0);
  });
});
