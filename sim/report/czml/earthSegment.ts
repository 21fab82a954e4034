/**
 * The power satellites and their rectennas (sim/earth/): satellites as sampled positions in FIXED (frame.ts: the
 * core's Earth-fixed frame, SGP4 in TEME turned by GMST), available while in service; rectennas as fixed WGS-84
 * geodetic points, available while commissioned.
 *
 * Sampling: SATELLITE_SAMPLES_PER_DAY a sidereal day. In FIXED a station-kept geostationary satellite only
 * librates about its slot once a day, by about 2 e r along its orbit and i r across it (e, i of its element set,
 * the longitude kept within +-0.1 deg by ITU RR No. 22.6), up to ~150 km, for which sampling.ts's bound at N = 12
 * is 6.4e-6 of that amplitude, 1 m. SDP4 adds what no polynomial follows: its resonance integrator advances in
 * 720-minute steps, continuous in position but not in the higher derivatives. Measured through Cesium
 * (tests/browser/czml.browser.test.ts) the error is 6.7 m at N = 12 (20 m at N = 8).
 *
 * A station-kept satellite (sim/earth/orbitModel.ts) gets a new element set at the start of every station-keeping
 * cycle, and its position jumps there by up to a few km (the manoeuvre, taken as instantaneous). One polynomial
 * across the jump would smear it over a day, so its position is one sampled interval per cycle (CZML allows an
 * array of intervals; Cesium reads them as a CompositePositionProperty), each sampled with its own cycle's element
 * set, padded beyond the cycle's ends with the same element set.
 */
import type { EarthSegment, PowerSatellite, RectennaSite } from '../../earth/resolve.ts';
import { temeToEcfKm } from '../../earth/frames.ts';
import { cycleIndex, stationKeptSatrec, temeAt, type OrbitModel } from '../../earth/orbitModel.ts';
import { SIDEREAL_DAY_S } from '../../earth/eclipse.ts';
import { gmstRad } from '../../geometry/earthRotation.ts';
import { tdbSToUtcMs, utcMsToTdbS } from '../../time.ts';
import { sgp4, type SatRec } from 'satellite.js';
import { positionProperty, sampleTimes, samplesCovering, type SampledPosition } from './sampling.ts';
import { BODY_COLORS, rgbaOfHex } from './style.ts';
import type { CzmlTimeline } from './timeline.ts';

/**
 * The Earth segment's labels are shown only from within 1e8 m of them (2.4 geostationary radii): farther away
 * they pile up on the Earth's point.
 */
const NEAR_EARTH = { distanceDisplayCondition: [0, 1e8] as [number, number] };

/** Samples per sidereal day of a power satellite's Earth-fixed position. */
export const SATELLITE_SAMPLES_PER_DAY = 12;

/** An id Cesium's reference syntax (`id#property`) reads back as written: no `#`, `.` or backslash. */
function safeId(name: string): string {
  return name.replace(/[#.\\]/g, '_');
}

export function satellitePacketId(sat: PowerSatellite): string {
  return `power-satellite:${safeId(sat.name)}`;
}

export function rectennaPacketId(site: RectennaSite): string {
  return `rectenna:${safeId(site.name)}`;
}

/** The span [from, to] of [a, b) within the run's [fromTdbS, toTdbS], or null when they do not meet. */
export function withinRun(
  a: number,
  b: number,
  fromTdbS: number,
  toTdbS: number,
): readonly [number, number] | null {
  const start = Math.max(a, fromTdbS);
  const stop = Math.min(b, toTdbS);
  return start < stop ? [start, stop] : null;
}

/** A satellite's Earth-fixed position at `tdbS`, m (SGP4 TEME km turned by GMST), or null where SGP4 fails. */
export function satelliteFixedM(sat: PowerSatellite, tdbS: number): [number, number, number] | null {
  const result = temeAt(sat.orbit, tdbS);
  return result.ok ? fixedOfTemeM(result.pv.position, tdbS) : null;
}

/** Earth-fixed position, m, of TEME km at `tdbS`. */
function fixedOfTemeM(
  positionKm: { x: number; y: number; z: number },
  tdbS: number,
): [number, number, number] {
  const ecf = temeToEcfKm(positionKm, gmstRad(tdbS));
  return [ecf.x * 1000, ecf.y * 1000, ecf.z * 1000];
}

/** The position of cycle k's element set at `tdbS`, Earth-fixed m (null where SGP4 fails). */
function cycleFixedM(
  orbit: Extract<OrbitModel, { kind: 'station-kept' }>,
  satrec: SatRec,
  k: number,
  tdbS: number,
): [number, number, number] | null {
  const tsinceMin = (tdbSToUtcMs(tdbS) - (orbit.anchorUtcMs + k * orbit.cycleMs)) / 60_000;
  const pv = sgp4(satrec, tsinceMin);
  if (pv === null || !Number.isFinite(pv.position.x)) return null;
  return fixedOfTemeM(pv.position, tdbS);
}

/** A sampled position valid over one interval (one station-keeping cycle). */
export type IntervalPosition = SampledPosition & { readonly interval: string };

/** The satellite's position over `span`: one sampled property, or one per station-keeping cycle. */
function satellitePosition(
  timeline: CzmlTimeline,
  sat: PowerSatellite,
  grid: readonly number[],
  span: readonly [number, number],
): SampledPosition | IntervalPosition[] {
  const { orbit } = sat;
  if (orbit.kind !== 'station-kept') {
    return positionProperty(timeline, 'FIXED', samplesCovering(grid, span[0], span[1]), (t) =>
      satelliteFixedM(sat, t),
    );
  }
  const out: IntervalPosition[] = [];
  const last = cycleIndex(orbit, tdbSToUtcMs(span[1]));
  for (let k = cycleIndex(orbit, tdbSToUtcMs(span[0])); k <= last; k += 1) {
    const start = Math.max(span[0], utcMsToTdbS(orbit.anchorUtcMs + k * orbit.cycleMs));
    const stop = Math.min(span[1], utcMsToTdbS(orbit.anchorUtcMs + (k + 1) * orbit.cycleMs));
    if (!(stop > start)) continue;
    const satrec = orbit.cycles[k - orbit.firstCycle] ?? stationKeptSatrec(orbit, k);
    out.push({
      interval: timeline.interval(start, stop),
      ...positionProperty(timeline, 'FIXED', samplesCovering(grid, start, stop), (t) =>
        cycleFixedM(orbit, satrec, k, t),
      ),
    });
  }
  return out;
}

export interface SatellitePacket {
  readonly id: string;
  readonly name: string;
  readonly availability: string;
  readonly position: SampledPosition | IntervalPosition[];
  readonly point: { readonly pixelSize: number; readonly color: { readonly rgba: number[] } };
  readonly label: {
    readonly text: string;
    readonly font: string;
    readonly fillColor: { readonly rgba: number[] };
    readonly distanceDisplayCondition: { readonly distanceDisplayCondition: [number, number] };
  };
}

export interface RectennaPacket {
  readonly id: string;
  readonly name: string;
  readonly availability: string;
  readonly position: { readonly cartographicRadians: [number, number, number] };
  readonly point: { readonly pixelSize: number; readonly color: { readonly rgba: number[] } };
  readonly label: {
    readonly text: string;
    readonly font: string;
    readonly fillColor: { readonly rgba: number[] };
    readonly distanceDisplayCondition: { readonly distanceDisplayCondition: [number, number] };
  };
}

/** The satellites and rectennas of `earth` over the run's output times `times` (TDB s, ascending). */
export function earthSegmentPackets(
  timeline: CzmlTimeline,
  earth: EarthSegment,
  times: readonly number[],
): Array<SatellitePacket | RectennaPacket> {
  const fromTdbS = times[0] as number;
  const toTdbS = times[times.length - 1] as number;
  const toGrid = (t: number): number => timeline.tdbAt(timeline.offsetS(t));
  const grid = sampleTimes(times, SIDEREAL_DAY_S / SATELLITE_SAMPLES_PER_DAY, toGrid);
  const packets: Array<SatellitePacket | RectennaPacket> = [];
  const font = '11px sans-serif';
  for (const sat of earth.satellites) {
    const span = withinRun(sat.inServiceTdbS, sat.retireTdbS, fromTdbS, toTdbS);
    if (span === null) continue;
    const rgba = rgbaOfHex(BODY_COLORS.powerSatellite);
    packets.push({
      id: satellitePacketId(sat),
      name: sat.name,
      availability: timeline.interval(span[0], span[1]),
      position: satellitePosition(timeline, sat, grid, span),
      point: { pixelSize: 6, color: { rgba } },
      label: { text: sat.name, font, fillColor: { rgba }, distanceDisplayCondition: NEAR_EARTH },
    });
  }
  for (const site of earth.sites) {
    const span = withinRun(site.commissionedTdbS, site.retireTdbS, fromTdbS, toTdbS);
    if (span === null) continue;
    const rgba = rgbaOfHex(BODY_COLORS.rectenna);
    const { longitudeRad, latitudeRad, heightM } = site.geodetic;
    packets.push({
      id: rectennaPacketId(site),
      name: site.name,
      availability: timeline.interval(span[0], span[1]),
      position: { cartographicRadians: [longitudeRad, latitudeRad, heightM] },
      point: { pixelSize: 7, color: { rgba } },
      label: { text: site.name, font, fillColor: { rgba }, distanceDisplayCondition: NEAR_EARTH },
    });
  }
  return packets;
}
