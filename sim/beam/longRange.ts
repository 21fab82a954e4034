/**
 * Why microwaves work from geostationary orbit and not from 1 au, and what the alternatives cost in aperture.
 *
 * For a target collection efficiency the product of the diameters is fixed: Dt Dr = 4 tau* lambda D / pi
 * (solver.ts). At 5.8 GHz over 36,000 km with tau* ~ 1.6 that is about 1 km x 3.5 km; over 1 au (4,000 times
 * farther) it is about 4,000 times larger, i.e. two ~70 km apertures. At 1.06 um the wavelength is 50,000
 * times shorter and two ~300 m optical apertures do (Siegman's w(z) gives the same scale: tests/beam).
 * Relays cut each hop's distance by N but need N hops whose efficiencies multiply; putting the computation
 * next to the collectors needs no beam at all, only its waste-heat radiator (sim/energy/compute.ts).
 */
import { AU_M, SPEED_OF_LIGHT_M_S } from '../constants.ts';
import { InputError } from '../errors.ts';
import { uForCollection } from './solver.ts';
import { gaussianTaper } from './taper.ts';

export interface LongRangeOption {
  readonly label: string;
  readonly wavelengthM: number;
  readonly beamQualityM2: number;
  /** tau that reaches the target collection efficiency. */
  readonly tau: number;
  /** Equal transmitter and receiver diameters, m. */
  readonly equalDiameterM: number;
  /** Dt x Dr, m^2. */
  readonly diameterProductM2: number;
}

export interface RelayOption {
  readonly hops: number;
  readonly hopDistanceM: number;
  /** Collection efficiency each hop needs, or null when the relays' own losses already miss the target. */
  readonly perHopBeamEfficiency: number | null;
  /** Equal aperture diameter per hop, m (null when infeasible). */
  readonly equalDiameterM: number | null;
  /** Apertures to build: a transmitter and a receiver per hop. */
  readonly apertureCount: number;
}

export interface LongRangeComparison {
  readonly distanceM: number;
  readonly targetBeamEfficiency: number;
  readonly microwave: LongRangeOption;
  readonly optical: LongRangeOption;
  /** Microwave relay chains (same total target, relay re-transmission efficiency applied at each relay). */
  readonly microwaveRelays: readonly RelayOption[];
  readonly computeAtCollectors: { readonly beamingEfficiency: number; readonly note: string };
}

export interface LongRangeInput {
  readonly distanceM?: number;
  readonly microwaveFrequencyHz?: number;
  readonly opticalWavelengthM?: number;
  readonly opticalBeamQualityM2?: number;
  readonly taperDb?: number;
  readonly targetBeamEfficiency?: number;
  /**
   * Efficiency of a relay's receive-and-retransmit chain (RF to RF). Default 1: ideal (passive) relays, the
   * smallest apertures relays can buy; an active relay (rectenna, DC, transmitter) is nearer 0.5 and makes
   * long chains infeasible.
   */
  readonly relayEfficiency?: number;
  readonly relayHops?: readonly number[];
}

function option(
  label: string,
  wavelengthM: number,
  m2: number,
  tau: number,
  distanceM: number,
): LongRangeOption {
  const product = (4 * tau * wavelengthM * m2 * distanceM) / Math.PI;
  return {
    label,
    wavelengthM,
    beamQualityM2: m2,
    tau,
    equalDiameterM: Math.sqrt(product),
    diameterProductM2: product,
  };
}

/** Required apertures at long range for microwave, optical and relayed microwave links. */
export function compareLongRange(input: LongRangeInput = {}): LongRangeComparison {
  const distanceM = input.distanceM ?? AU_M;
  const target = input.targetBeamEfficiency ?? 0.9;
  const relayEfficiency = input.relayEfficiency ?? 1;
  if (!(target > 0 && target < 1))
    throw new InputError(`must be within (0, 1), got ${target}`, 'targetBeamEfficiency');
  if (!(relayEfficiency > 0 && relayEfficiency <= 1)) {
    throw new InputError(`must be within (0, 1], got ${relayEfficiency}`, 'relayEfficiency');
  }
  if (!(distanceM > 0)) throw new InputError(`must be > 0, got ${distanceM}`, 'distanceM');
  const taper = gaussianTaper(input.taperDb ?? 10);
  const tauFor = (eta: number): number => uForCollection(taper, eta) / 2;
  const microwaveLambda = SPEED_OF_LIGHT_M_S / (input.microwaveFrequencyHz ?? 5.8e9);
  const opticalLambda = input.opticalWavelengthM ?? 1.064e-6;
  const tau = tauFor(target);
  const microwaveRelays = (input.relayHops ?? [1, 10, 100, 1000]).map((hops): RelayOption => {
    const hopDistanceM = distanceM / hops;
    // eta_hop^N * relay^(N-1) = target.
    const perHop = (target / relayEfficiency ** (hops - 1)) ** (1 / hops);
    if (!(perHop < 1))
      return {
        hops,
        hopDistanceM,
        perHopBeamEfficiency: null,
        equalDiameterM: null,
        apertureCount: 2 * hops,
      };
    const hopTau = tauFor(perHop);
    return {
      hops,
      hopDistanceM,
      perHopBeamEfficiency: perHop,
      equalDiameterM: Math.sqrt((4 * hopTau * microwaveLambda * hopDistanceM) / Math.PI),
      apertureCount: 2 * hops,
    };
  });
  return {
    distanceM,
    targetBeamEfficiency: target,
    microwave: option('microwave', microwaveLambda, 1, tau, distanceM),
    optical: option('optical', opticalLambda, input.opticalBeamQualityM2 ?? 1.1, tau, distanceM),
    microwaveRelays,
    computeAtCollectors: {
      beamingEfficiency: 1,
      note:
        'no power beam: the collectors run the computation and radiate its waste heat (see sim/energy/compute.ts); ' +
        'only results travel, at bit rates that need no large apertures',
    },
  };
}
