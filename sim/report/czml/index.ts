/**
 * A run as a CZML document (Cesium's scene description; CZML Guide, github.com/AnalyticalGraphicsInc/czml-writer
 * wiki): an array of JSON-serialisable packets, `document` first, then the Sun, planets and Moon (bodies.ts), a
 * seeded sample of tracers (tracers.ts), the power satellites and rectennas (earthSegment.ts), the beams between
 * them (beams.ts), and the energy links' hubs, relays and beams (relays.ts). Frames in frame.ts (geocentric:
 * INERTIAL = ICRF for bodies and tracers, FIXED for the Earth
 * segment), times in timeline.ts (UTC ISO 8601 at the edge, TT offsets from one epoch), interpolation and its error
 * in sampling.ts. Pure and deterministic: the same world, times, count and seed give the same packets.
 */
import { InputError } from '../../errors.ts';
import type { World } from '../../world.ts';
import { beamPackets, LINK_SAMPLE_STEP_S, type BeamPacket } from './beams.ts';
import { bodyPackets, type BodyPacket, type EarthPacket } from './bodies.ts';
import { documentPacket, type DocumentPacket } from './document.ts';
import { earthSegmentPackets, type RectennaPacket, type SatellitePacket } from './earthSegment.ts';
import { relayPackets, type PlatformPacket, type RelayBeamPacket } from './relays.ts';
import { createTimeline } from './timeline.ts';
import { DEFAULT_TRACERS_SHOWN, tracerPackets, type TracerPacket } from './tracers.ts';

export {
  DEFAULT_TRACERS_SHOWN,
  TRACER_INTERPOLATION_ERROR_M,
  TRACER_SHAPE_ERROR_M,
  tracerPacketId,
} from './tracers.ts';
export { satellitePacketId, rectennaPacketId, satelliteFixedM } from './earthSegment.ts';
export { platformPacketId } from './relays.ts';
export { INTERPOLATION, lagrangeErrorPerAmplitude } from './sampling.ts';
export { geocentricEqjOfHeliocentricM } from './frame.ts';

export type CzmlPacket =
  | DocumentPacket
  | BodyPacket
  | EarthPacket
  | TracerPacket
  | SatellitePacket
  | RectennaPacket
  | BeamPacket
  | PlatformPacket
  | RelayBeamPacket;

export interface CzmlOptions {
  /** The document's name (the scenario's). */
  readonly name: string;
  /** How many tracers to show (a seeded uniform sample of the table; all when it has fewer). */
  readonly tracersShown?: number;
  /** Seed of the sample (default: the world's). */
  readonly seed?: number;
  /** Called as the work goes on, with (done, total) units of work (tracers, then link samples). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The CZML document of `world` over the run's output times `timesTdbS` (ascending, at least two). */
export function buildCzml(world: World, timesTdbS: readonly number[], options: CzmlOptions): CzmlPacket[] {
  const tracersShown = options.tracersShown ?? DEFAULT_TRACERS_SHOWN;
  if (!(Number.isInteger(tracersShown) && tracersShown >= 0)) {
    throw new InputError(`must be a non-negative integer, got ${tracersShown}`, 'tracersShown');
  }
  if (
    timesTdbS.length < 2 ||
    !timesTdbS.every((t, k) => Number.isFinite(t) && (k === 0 || t > (timesTdbS[k - 1] as number)))
  ) {
    throw new InputError('must be at least two finite, increasing TDB times', 'times');
  }
  const fromTdbS = timesTdbS[0] as number;
  const toTdbS = timesTdbS[timesTdbS.length - 1] as number;
  const timeline = createTimeline(fromTdbS);
  const tracerTotal = Math.min(tracersShown, world.swarm.table.count);
  const linkTotal = world.earth === undefined ? 0 : Math.ceil((toTdbS - fromTdbS) / LINK_SAMPLE_STEP_S);
  const total = tracerTotal + linkTotal;
  const progress = options.onProgress;
  const packets: CzmlPacket[] = [
    documentPacket(timeline, options.name, fromTdbS, toTdbS),
    ...bodyPackets(timeline, timesTdbS),
    ...tracerPackets(timeline, world, timesTdbS, tracersShown, options.seed ?? world.seed, (done) =>
      progress?.(done, total),
    ),
  ];
  if (world.earth !== undefined) {
    packets.push(...earthSegmentPackets(timeline, world.earth, timesTdbS));
    packets.push(
      ...beamPackets(timeline, world.earth, timesTdbS, (done) =>
        progress?.(tracerTotal + Math.min(done, linkTotal), total),
      ),
    );
  }
  packets.push(...relayPackets(timeline, world, timesTdbS));
  progress?.(total, total);
  return packets;
}
