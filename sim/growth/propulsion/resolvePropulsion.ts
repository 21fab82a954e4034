/**
 * One growth path's transfer, flown and paid: the mass driver's departure impulse, then the declared propulsion
 * flown numerically (flyTransfer.ts) from the site's circular orbit to the shell's circular orbit under
 * mu (1 - beta). A path the launch speed and the propulsion cannot fly is refused with an InputError naming the
 * shell, the speed needed and the speed available.
 *
 * Departure: the mass driver's hyperbolic excess v_inf pays as much of the change of orbital energy as it can: a
 * tangential impulse clamp(sqrt(mu_eff (2 / r1 - 1 / r2)) - v_site, -v_inf, v_inf), the speed at r1 of an orbit
 * with the shell's energy under mu_eff (the shell's circle itself when r2 = r1), the launch timed against the
 * Moon's motion about the Earth so that the excess points along or against the site's heliocentric motion (the
 * Earth's gravity on the way out is not modelled). The speed "needed" in a refusal is the impulsive total under
 * mu_eff (Hohmann departure + arrival, or the single impulse to the circle at the site's own distance).
 */
import { AU_M, GM_SUN_M3_S2, SECONDS_PER_DAY, SOLAR_LUMINOSITY_W } from '../../constants.ts';
import { InputError } from '../../errors.ts';
import { hohmannTransfer } from '../transfer.ts';
import {
  departureReachesTarget,
  flyTransfer,
  STANDARD_GRAVITY_M_S2,
  type FlightSteering,
  type FlightTrack,
} from './flyTransfer.ts';
import type { PropulsionFile } from './schema.ts';

/** A path's transfer, SI. */
export interface PathTransfer {
  readonly propulsion: PropulsionFile['kind'];
  /** Flight time from launch to the shell's orbit, s (0 when the departure impulse already puts it there). */
  readonly flightS: number;
  /** Tangential impulse of the mass driver's excess at departure, m/s (negative: retrograde). */
  readonly departureDeltaVMS: number;
  /** Propulsive speed change flown after departure, m/s. */
  readonly propulsiveDeltaVMS: number;
  /** Impulsive speed change the path needs under mu (1 - beta) (Hohmann departure + arrival), m/s. */
  readonly impulsiveDeltaVMS: number;
  /** Propellant and thruster mass launched with each kg of collector, kg/kg. */
  readonly propellantKgPerKg: number;
  readonly thrusterKgPerKg: number;
  /** The flown trajectory in the departure frame (x: departure direction, y: prograde); null when flightS = 0. */
  readonly track: FlightTrack | null;
}

export interface PathTransferRequest {
  /** Dotted path of the target in the scenario (`growth.sites[0].targets[1]`), for the messages. */
  readonly field: string;
  readonly shellName: string;
  readonly departureRadiusM: number;
  readonly arrivalRadiusM: number;
  readonly hyperbolicExcessMS: number;
  /** The collector: Sun-facing lightness number, reflectivity, areal density (kg/m^2), cell efficiency. */
  readonly lightnessNumber: number;
  readonly reflectivity: number;
  readonly arealDensityKgM2: number;
  readonly conversionEfficiency: number;
  readonly propulsion: PropulsionFile;
}

function kmS(speedMS: number): string {
  return `${(speedMS / 1000).toFixed(3)} km/s`;
}

/** Fly and check one path (see the module comment). Throws InputError when it cannot be flown. */
export function resolvePathTransfer(request: PathTransferRequest): PathTransfer {
  const { field, shellName, propulsion } = request;
  const r1 = request.departureRadiusM;
  const r2 = request.arrivalRadiusM;
  const beta = request.lightnessNumber;
  const muEff = GM_SUN_M3_S2 * (1 - beta);
  const vInf = request.hyperbolicExcessMS;
  const hohmann = hohmannTransfer(r1, r2, muEff);
  const impulsiveDeltaVMS = hohmann.departureDeltaVMS + hohmann.arrivalDeltaVMS;
  const vSite = Math.sqrt(GM_SUN_M3_S2 / r1);
  // The departure speed that gives the shell's orbital energy -mu_eff / (2 r2) (the circle itself when r2 = r1).
  const wanted = Math.sqrt(Math.max(0, muEff * (2 / r1 - 1 / r2))) - vSite;
  const departureDeltaVMS = Math.max(-vInf, Math.min(vInf, wanted));
  const shell = `shell ${JSON.stringify(shellName)} (${(r2 / AU_M).toFixed(4)} au)`;
  const base = {
    departureRadiusM: r1,
    arrivalRadiusM: r2,
    lightnessNumber: beta,
    departureDeltaVMS,
  };
  const ballisticProbe = {
    ...base,
    steering: { kind: 'electric', thrustPerKgN: 0, exhaustSpeedMS: 1, thrusterKgPerKg: 0 } as const,
    maxFlightS: 1,
  };
  if (departureReachesTarget(ballisticProbe)) {
    return {
      propulsion: propulsion.kind,
      flightS: 0,
      departureDeltaVMS,
      propulsiveDeltaVMS: 0,
      impulsiveDeltaVMS,
      propellantKgPerKg: 0,
      thrusterKgPerKg: 0,
      track: null,
    };
  }
  if (propulsion.kind === 'ballistic') {
    throw new InputError(
      `${shell} cannot be reached ballistically: it needs ${kmS(impulsiveDeltaVMS)} (impulsive, under ` +
        `mu (1 - beta), beta = ${beta.toPrecision(3)}), the mass driver's hyperbolic excess gives ${kmS(vInf)}; ` +
        'declare a propulsion ("solar-sail" or "electric") or raise massDriver.launchSpeedKmS',
      `${field}.propulsion`,
    );
  }
  let steering: FlightSteering;
  if (propulsion.kind === 'solar-sail') {
    steering = {
      kind: 'solar-sail',
      perfectLightness: beta / (0.5 * (1 + request.reflectivity)),
      reflectivity: request.reflectivity,
      fixedConeAngleRad: null,
    };
  } else {
    const outer = Math.max(r1, r2);
    const ownWPerKg =
      (request.conversionEfficiency * SOLAR_LUMINOSITY_W) /
      (4 * Math.PI * outer * outer) /
      request.arealDensityKgM2;
    if (propulsion.powerWPerKg > ownWPerKg) {
      throw new InputError(
        `must not exceed what the collector's own cells give at ${(outer / AU_M).toFixed(4)} au, the ` +
          `farthest point of the path to ${shell}: ${ownWPerKg.toFixed(1)} W/kg, got ${propulsion.powerWPerKg}`,
        `${field}.propulsion.powerWPerKg`,
      );
    }
    const exhaustSpeedMS = STANDARD_GRAVITY_M_S2 * propulsion.specificImpulseS;
    steering = {
      kind: 'electric',
      thrustPerKgN: (2 * propulsion.thrustEfficiency * propulsion.powerWPerKg) / exhaustSpeedMS,
      exhaustSpeedMS,
      thrusterKgPerKg: (propulsion.thrusterKgPerKW * propulsion.powerWPerKg) / 1000,
    };
  }
  const maxFlightS = propulsion.maxFlightDays * SECONDS_PER_DAY;
  const flown = flyTransfer({ ...base, steering, maxFlightS });
  if (flown.outcome !== 'reached') {
    const why =
      flown.outcome === 'too-slow'
        ? `does not arrive within maxFlightDays = ${propulsion.maxFlightDays}`
        : flown.outcome === 'sun'
          ? 'falls into the Sun'
          : 'escapes the solar system';
    throw new InputError(
      `${shell} cannot be reached with ${propulsion.kind} propulsion: the flight ${why}; it needs ` +
        `${kmS(impulsiveDeltaVMS)} (impulsive, under mu (1 - beta), beta = ${beta.toPrecision(3)}), the mass ` +
        `driver's excess gives ${kmS(vInf)} and the ${propulsion.kind} propulsion flew ` +
        `${kmS(flown.propulsiveDeltaVMS)} in ${(flown.flightS / SECONDS_PER_DAY).toFixed(0)} days without arriving`,
      `${field}.propulsion`,
    );
  }
  if (propulsion.kind === 'electric') {
    const launched = 1 + flown.thrusterKgPerKg + flown.propellantKgPerKg;
    const fraction = flown.propellantKgPerKg / launched;
    if (fraction > propulsion.maxPropellantFraction) {
      const exhaust = STANDARD_GRAVITY_M_S2 * propulsion.specificImpulseS;
      throw new InputError(
        `${shell} needs a propellant fraction of ${fraction.toFixed(4)} (${kmS(flown.propulsiveDeltaVMS)} flown ` +
          `after the mass driver's ${kmS(vInf)}, ${kmS(impulsiveDeltaVMS)} impulsive), above ` +
          `maxPropellantFraction = ${propulsion.maxPropellantFraction}, which allows ` +
          `${kmS(-exhaust * Math.log(1 - propulsion.maxPropellantFraction))}`,
        `${field}.propulsion.maxPropellantFraction`,
      );
    }
  }
  return {
    propulsion: propulsion.kind,
    flightS: flown.flightS,
    departureDeltaVMS,
    propulsiveDeltaVMS: flown.propulsiveDeltaVMS,
    impulsiveDeltaVMS,
    propellantKgPerKg: flown.propellantKgPerKg,
    thrusterKgPerKg: flown.thrusterKgPerKg,
    track: flown.track,
  };
}
