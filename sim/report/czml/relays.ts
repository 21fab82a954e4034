/**
 * The energy links' placed hops (sim/energy/placement.ts): the hubs at the Sun-Earth L4 and L5 points, the
 * geostationary relays and the ground rectennas as packets, and one polyline per transmitter -> receiver pair of
 * every hop whose two ends have places (not hop 0, whose transmitters are the collectors, nor a cluster end).
 *
 * - Places: a hub as a sampled INERTIAL position (the core's L-point, heliocentric ECLIPJ2000 minus the Earth,
 *   frame.ts; sampled as the bodies are, bodies.ts: the Earth's monthly circle about the barycentre is in it); a
 *   geostationary relay and a ground rectenna as fixed FIXED points (placement.ts builds them from these very
 *   Earth-fixed points).
 * - `show` follows the core's line of sight (sim/energy/occultation.ts lineOfSightClear): off while the Earth
 *   hides the receiver. A hub -> geostationary line is hidden once a sidereal day for up to ~71 minutes, in seasons
 *   when the hub is within asin(R / r_GEO) = 8.9 deg of the equator (occultation.ts): each day the window is
 *   predicted in closed form, the hub's lines being parallel to within r_GEO / 1 au = 2.8e-4 rad, and both of its
 *   ends found with the core's lineOfSightClear by bisection to OUTAGE_TOLERANCE_S. Any other pair is held from
 *   one daily sample to the next (a geostationary relay and its rectenna do not move against each other; a hub
 *   and a ground site, which no scenario has yet, would need a finer scan and are sampled every
 *   FINE_SCAN_STEP_S with the same bisection).
 * - Width: the power the pair carries when clear, the hop's DC input x the pair's share of its units (energy
 *   ledger, at each output time: world.snapshot), through style.ts beamWidthPx.
 */
import { SECONDS_PER_DAY } from '../../constants.ts';
import { applyTransposed, temeToEqjMatrix } from '../../earth/frames.ts';
import { SIDEREAL_DAY_S } from '../../earth/eclipse.ts';
import { EARTH_OCCULTING_RADIUS_M, lineOfSightClear } from '../../energy/occultation.ts';
import { GEOSTATIONARY_RADIUS_M, hopEndsAt, type PlatformPosition } from '../../energy/placement.ts';
import type { ReceiverPlacement } from '../../energy/resolve.ts';
import { gmstRad } from '../../geometry/earthRotation.ts';
import type { World } from '../../world.ts';
import type { BeamPacket } from './beams.ts';
import { geocentricEqjOfHeliocentricM } from './frame.ts';
import { BODY_SAMPLES_PER_REVOLUTION, MOON_SIDEREAL_PERIOD_DAYS } from './bodies.ts';
import { positionProperty, sampleTimes, type SampledPosition } from './sampling.ts';
import { BODY_COLORS, beamWidthPx, rgbaOfHex } from './style.ts';
import type { CzmlTimeline } from './timeline.ts';

/** Outage contacts are bisected to this, s. */
export const OUTAGE_TOLERANCE_S = 1;
/** Scan step of a hub -> ground pair, s. */
export const FINE_SCAN_STEP_S = 300;
/** Margin around the predicted outage window before the core's geometry decides, s (the prediction's 4 s error). */
const WINDOW_MARGIN_S = 300;

type Span = readonly [number, number];

export interface PlatformPacket {
  readonly id: string;
  readonly name: string;
  readonly availability: string;
  readonly position:
    | SampledPosition
    | { readonly referenceFrame: 'FIXED'; readonly cartesian: [number, number, number] }
    | { readonly cartographicRadians: [number, number, number] };
  readonly point: { readonly pixelSize: number; readonly color: { readonly rgba: number[] } };
  readonly label: {
    readonly text: string;
    readonly font: string;
    readonly fillColor: { readonly rgba: number[] };
    readonly distanceDisplayCondition?: { readonly distanceDisplayCondition: [number, number] };
  };
}

/** Labels of the Earth-bound platforms only from within 1e8 m (as the Earth segment's, earthSegment.ts). */
const NEAR_EARTH = { distanceDisplayCondition: [0, 1e8] as [number, number] };

/** A relay beam is drawn as a power satellite's beam is: a polyline between two packets (beams.ts). */
export type RelayBeamPacket = BeamPacket;

export function platformPacketId(label: string): string {
  return `platform:${label.replace(/[#.\\]/g, '_')}`;
}

const isHub = (p: PlatformPosition): boolean => p.kind === 'sun-earth-L4' || p.kind === 'sun-earth-L5';

/** The platform's packet position: sampled for a hub, fixed for the Earth-bound ones. */
function platformPosition(
  timeline: CzmlTimeline,
  placement: ReceiverPlacement,
  hubGrid: readonly number[],
  positionAt: (tdbS: number) => PlatformPosition,
): PlatformPacket['position'] {
  if (placement.kind === 'geostationary') {
    const r = GEOSTATIONARY_RADIUS_M;
    return {
      referenceFrame: 'FIXED',
      cartesian: [r * Math.cos(placement.longitudeRad), r * Math.sin(placement.longitudeRad), 0],
    };
  }
  if (placement.kind === 'ground') {
    return { cartographicRadians: [placement.longitudeRad, placement.latitudeRad, placement.heightM] };
  }
  return positionProperty(timeline, 'INERTIAL', hubGrid, (t) => {
    const p = positionAt(t).positionM;
    return p === null ? null : geocentricEqjOfHeliocentricM(p, t);
  });
}

/** Bisection of the instant where `clear(t)` changes between a (clear(a) = atA) and b, to OUTAGE_TOLERANCE_S. */
function contact(clear: (t: number) => boolean, a: number, b: number, atA: boolean): number {
  let lo = a;
  let hi = b;
  while (hi - lo > OUTAGE_TOLERANCE_S) {
    const mid = (lo + hi) / 2;
    if (clear(mid) === atA) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The outages of a hub -> geostationary pair over [from, to]: each sidereal day, the hour at which the relay passes
 * behind the Earth as seen from the hub (parallel lines), then both contacts from the core's geometry.
 */
function hubGeoOutages(
  clear: (t: number) => boolean,
  hubGeocentricEqjM: (t: number) => readonly [number, number, number],
  longitudeRad: number,
  fromTdbS: number,
  toTdbS: number,
): Span[] {
  const outages: Span[] = [];
  const cosAlpha = Math.cos(Math.asin(EARTH_OCCULTING_RADIUS_M / GEOSTATIONARY_RADIUS_M));
  const omega = (2 * Math.PI) / SIDEREAL_DAY_S;
  for (let day = fromTdbS; day < toTdbS; day += SIDEREAL_DAY_S) {
    const mid = day + SIDEREAL_DAY_S / 2;
    const h = hubGeocentricEqjM(mid);
    const norm = Math.hypot(h[0], h[1], h[2]);
    // -u (the anti-hub direction) in TEME of date: the relay circles its z axis at the GEO radius
    const w = applyTransposed(temeToEqjMatrix(mid), [-h[0] / norm, -h[1] / norm, -h[2] / norm]);
    const rho = Math.hypot(w[0], w[1]);
    if (!(rho > cosAlpha - 0.02)) continue;
    const psi = Math.atan2(w[1], w[0]);
    const halfS = Math.acos(Math.min(1, cosAlpha / Math.max(rho, cosAlpha))) / omega;
    // the instant in this sidereal day when the relay's TEME longitude gmst + lon is psi
    const phase = (((psi - gmstRad(day) - longitudeRad) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    const centre = day + phase / omega;
    if (clear(centre)) continue; // a grazing pass the core does not call hidden
    const before = Math.max(fromTdbS, centre - halfS - WINDOW_MARGIN_S);
    const after = Math.min(toTdbS, centre + halfS + WINDOW_MARGIN_S);
    const start = clear(before) ? contact(clear, before, centre, true) : before;
    const stop = clear(after) ? contact(clear, centre, after, false) : after;
    outages.push([start, stop]);
  }
  return outages.sort((a, b) => a[0] - b[0]);
}

/** The outages of any other pair: held between scans every `stepS`, contacts bisected. */
function scannedOutages(
  clear: (t: number) => boolean,
  stepS: number,
  fromTdbS: number,
  toTdbS: number,
): Span[] {
  const outages: Span[] = [];
  let previous = clear(fromTdbS);
  let start: number | null = previous ? null : fromTdbS;
  for (let t = fromTdbS + stepS; ; t += stepS) {
    const at = Math.min(t, toTdbS);
    const now = clear(at);
    if (now !== previous) {
      const edge = stepS > SECONDS_PER_DAY / 2 ? at - stepS : contact(clear, at - stepS, at, previous);
      if (now) {
        outages.push([start ?? fromTdbS, edge]);
        start = null;
      } else start = edge;
      previous = now;
    }
    if (at >= toTdbS) break;
  }
  if (start !== null) outages.push([start, toTdbS]);
  return outages;
}

/** CZML boolean intervals over [from, to]: false in the outages, true between. */
function showOf(
  timeline: CzmlTimeline,
  outages: readonly Span[],
  fromTdbS: number,
  toTdbS: number,
): RelayBeamPacket['polyline']['show'] {
  const out: RelayBeamPacket['polyline']['show'] = [];
  let cursor = fromTdbS;
  for (const [a, b] of outages) {
    if (a > cursor) out.push({ interval: timeline.interval(cursor, a), boolean: true });
    out.push({ interval: timeline.interval(Math.max(a, cursor), b), boolean: false });
    cursor = b;
  }
  if (cursor < toTdbS) out.push({ interval: timeline.interval(cursor, toTdbS), boolean: true });
  return out;
}

/** The platforms and relay beams of the world's energy links over the output times `times`. */
export function relayPackets(
  timeline: CzmlTimeline,
  world: World,
  times: readonly number[],
): Array<PlatformPacket | RelayBeamPacket> {
  const energy = world.scenario.energy;
  if (energy === undefined) return [];
  const fromTdbS = times[0] as number;
  const toTdbS = times[times.length - 1] as number;
  const availability = timeline.interval(fromTdbS, toTdbS);
  const toGrid = (t: number): number => timeline.tdbAt(timeline.offsetS(t));
  const hubGrid = sampleTimes(
    times,
    (MOON_SIDEREAL_PERIOD_DAYS * SECONDS_PER_DAY) / BODY_SAMPLES_PER_REVOLUTION,
    toGrid,
  );
  const endsAt = (t: number) => hopEndsAt(energy, t);
  const first = endsAt(fromTdbS);
  const ledgers = times.map((t) => world.snapshot(t).energy);
  const platforms = new Map<string, PlatformPacket>();
  const beams: RelayBeamPacket[] = [];
  const font = '11px sans-serif';
  energy.links.forEach((link, i) => {
    link.hops.forEach((hop, j) => {
      const ends = first[i]?.[j];
      if (ends === null || ends === undefined) return;
      const sides = [
        {
          list: ends.transmitters,
          placement: link.hops[j - 1]?.receiverAt as ReceiverPlacement,
          pick: 'transmitters' as const,
        },
        { list: ends.receivers, placement: hop.receiverAt as ReceiverPlacement, pick: 'receivers' as const },
      ];
      for (const side of sides) {
        side.list.forEach((platform, k) => {
          const id = platformPacketId(platform.label);
          if (platforms.has(id)) return;
          const rgba = rgbaOfHex(
            platform.kind === 'ground'
              ? BODY_COLORS.rectenna
              : isHub(platform)
                ? BODY_COLORS.hub
                : BODY_COLORS.powerSatellite,
          );
          platforms.set(id, {
            id,
            name: platform.label,
            availability,
            position: platformPosition(timeline, side.placement, hubGrid, (t) => {
              const at = endsAt(t)[i]?.[j];
              return (at?.[side.pick][k] ?? platform) as PlatformPosition;
            }),
            point: { pixelSize: 6, color: { rgba } },
            label: {
              text: platform.label,
              font,
              fillColor: { rgba },
              ...(isHub(platform) ? {} : { distanceDisplayCondition: NEAR_EARTH }),
            },
          });
        });
      }
      ends.transmitters.forEach((tx, a) => {
        ends.receivers.forEach((rx, b) => {
          const clear = (t: number): boolean => {
            const at = endsAt(t)[i]?.[j];
            if (at === null || at === undefined) return true;
            return lineOfSightClear(
              at.transmitters[a] as PlatformPosition,
              at.receivers[b] as PlatformPosition,
              at.earthM,
            );
          };
          const hub = isHub(tx) ? tx : isHub(rx) ? rx : null;
          const geo =
            tx.kind === 'geostationary'
              ? hop.receiverAt
              : rx.kind === 'geostationary'
                ? hop.receiverAt
                : null;
          let outages: Span[];
          if (hub !== null && rx.kind === 'geostationary' && geo?.kind === 'geostationary') {
            const hubAt = (t: number): readonly [number, number, number] => {
              const at = endsAt(t)[i]?.[j];
              const p = (at?.transmitters[a] as PlatformPosition).positionM as readonly [
                number,
                number,
                number,
              ];
              return geocentricEqjOfHeliocentricM(p, t);
            };
            outages = hubGeoOutages(clear, hubAt, geo.longitudeRad, fromTdbS, toTdbS);
          } else if (hub !== null && (tx.kind === 'ground' || rx.kind === 'ground')) {
            outages = scannedOutages(clear, FINE_SCAN_STEP_S, fromTdbS, toTdbS);
          } else {
            outages = scannedOutages(clear, SECONDS_PER_DAY, fromTdbS, toTdbS);
          }
          const width: number[] = [];
          ledgers.forEach((ledger, k) => {
            const inputW = ledger?.links[i]?.hops[j]?.inputDcPowerW ?? 0;
            width.push(
              timeline.offsetS(times[k] as number),
              beamWidthPx(inputW * tx.unitShare * rx.unitShare),
            );
          });
          const txId = platformPacketId(tx.label);
          const rxId = platformPacketId(rx.label);
          beams.push({
            id: `relay-beam:${link.name}:${j}:${txId}->${rxId}`,
            name: `${link.name} hop ${j}: ${tx.label} -> ${rx.label}`,
            availability,
            polyline: {
              positions: { references: [`${txId}#position`, `${rxId}#position`] },
              arcType: 'NONE',
              width: { epoch: timeline.epochIso, number: width },
              material: {
                solidColor: {
                  color: {
                    rgba: rgbaOfHex(
                      tx.kind === 'ground' || rx.kind === 'ground'
                        ? BODY_COLORS.microwaveBeam
                        : BODY_COLORS.laserBeam,
                    ),
                  },
                },
              },
              show: showOf(timeline, outages, fromTdbS, toTdbS),
            },
          });
        });
      });
    });
  });
  return [...platforms.values(), ...beams];
}
