/**
 * Collectors in transit: where the collectors the growth model counts as in flight (GrowthState
 * collectorsInTransit) are at any time t, for the scene. Random access: the packets at t depend on t only, never on
 * earlier calls. Frame: heliocentric ECLIPJ2000 (x to the J2000 mean equinox, z to the J2000 ecliptic pole), m.
 *
 * Paths drawn: every growth path p (site -> shell) with transferS > 0 whose site has a heliocentric position. Sites
 * with body 'moon' leave from the Earth-Moon system, so a packet launched at t_L departs in the Earth's
 * heliocentric direction at t_L (sim/geometry/earthPosition.ts earthHeliocentricEclipticM: astronomy-engine, VSOP87),
 * projected on the ecliptic, at the model's own radius r1 = site.heliocentricDistanceM (1 au): the growth model
 * treats the site's orbit as a circle of that radius, so the drawn departure point lies within the Earth's orbital
 * eccentricity (0.0167, 2.5e6 km radially) of the drawn Earth, plus the Earth's height above the J2000 ecliptic
 * (about 1e-4 au in the 2040s, as that ecliptic drifts 47"/century). Sites on other bodies ('nea', 'mercury',
 * 'custom') have no ephemeris in the model: no transit is drawn for them, though their collectors still count in
 * collectorsInTransit. Paths with transferS = 0 have nothing in flight.
 *
 * Transfer (kind 'flown'): the trajectory each path's collectors fly, flown numerically once per scenario by
 * sim/growth/propulsion/flyTransfer.ts (the same flight that sets the growth model's transfer time and propellant)
 * and stored as its integrator samples: positions and velocities in the departure frame (x along the departure
 * direction, y prograde, the ecliptic plane, z = 0). A packet of age tau <= flightS is at the cubic Hermite
 * interpolant of those samples at tau (positions and their derivatives, the velocities; HNW sec. II.6), turned by
 * the departure longitude lambda_dep; random access in tau by bisection of the sample times.
 *
 * Hold (kind 'flown' after flightS, and kind 'drift' when flightS = 0): the scenario's holdDays after arrival,
 * before the collector counts as on station. The packet is where a sheet on the shell's circle sits: radius r2,
 * longitude advancing at n_eff = sqrt(mu_eff / r2^3) from where the flight ended (from lambda_dep when there was
 * no flight).
 *
 * Departure longitude: the Earth's ecliptic longitude, read from a table at EARTH_LONGITUDE_TABLE_STEP_S (2 days)
 * built once per history over the launch times a packet can have, [fromTdbS - max T, toTdbS], with cubic Lagrange
 * interpolation through four nodes: its error against astronomy-engine is 2.4e-8 rad at most over 2045-2050 (3.6 km
 * at 1 au; tests/growth/transit.test.ts holds it below 5e-8 rad). Outside the table it calls astronomy-engine
 * directly (2.8 us a call).
 *
 * Packets: packetsPerPath of them, at ages evenly spaced over [0, T] (age 0 and T included). Each carries:
 * - packetRateKgPerS: the path's launch rate at its launch time t - age, read as launchRates.ts reads a site's:
 *   the slope of the path's cumulative launched mass (PATH.launchedKg), piecewise linear between the samples,
 *   right-continuous, 0 outside the history's span;
 * - packetCollectors: the collectors launched in its cell of ages (the ages closer to it than to its neighbours,
 *   clipped to [0, T]), from that same cumulative mass divided by the collector's unit mass
 *   (history.collector.unitMassKg = unit area x areal density). The cells tile [0, T], so the packets of a path sum
 *   to the collectors it launched in [t - T, t], exactly (to rounding) whatever packetsPerPath; a packet's count is
 *   its rate times its cell width to within the change of the rate across the cell.
 */
import { SECONDS_PER_DAY } from '../constants.ts';
import { InputError, requireFinite } from '../errors.ts';
import { hermite } from '../numeric/hermite.ts';
import { countAtOrBelow } from '../numeric/search.ts';
import { effectiveMu } from '../orbit/radiationPressure.ts';
import { earthHeliocentricEclipticM } from '../geometry/earthPosition.ts';
import { piecewiseLinearSlope, piecewiseLinearValue } from '../numeric/piecewiseLinear.ts';
import type { GrowthHistory } from './integrate.ts';
import { PATH } from './layout.ts';
import type { FlightTrack } from './propulsion/flyTransfer.ts';

/** Node spacing of the Earth longitude table, s (2 days; interpolation error < 5e-8 rad, see the module comment). */
export const EARTH_LONGITUDE_TABLE_STEP_S = 2 * SECONDS_PER_DAY;

/** 'flown': the numerically flown transfer, then the hold; 'drift': no flight, the hold only (module comment). */
export type TransitKind = 'flown' | 'drift';

/** One drawn path (site -> shell) and its transfer orbit, SI. Immutable. */
export interface TransitPath {
  readonly site: string;
  readonly siteIndex: number;
  readonly shell: string;
  readonly shellIndex: number;
  /** Index of the path in the growth model's layout (site order, then target order). */
  readonly pathIndex: number;
  /** Flight time from launch to station, s (> 0). */
  readonly transferS: number;
  readonly kind: TransitKind;
  /** Departure radius r1 (the site's heliocentric distance) and arrival radius r2 (the shell's mean radius), m. */
  readonly departureRadiusM: number;
  readonly arrivalRadiusM: number;
  /** Flight time (flown) and hold after arrival, s: transferS = flightS + holdS. */
  readonly flightS: number;
  readonly holdS: number;
  /** The flown trajectory, departure frame, m and m/s (null for a drift). */
  readonly track: FlightTrack | null;
  /** Angle from the departure direction to the arrival point, rad (0 for a drift). */
  readonly arrivalAngleRad: number;
  /** Longitude rate on the shell's circle during the hold, sqrt(mu_eff / r2^3), rad/s. */
  readonly driftRateRadPerS: number;
}

/** One path's packets at one instant. SI units; fresh arrays, owned by the caller. */
export interface TransitPathState {
  /** The instant the positions are valid at, TDB seconds past J2000. */
  readonly tdbS: number;
  readonly site: string;
  readonly siteIndex: number;
  readonly shell: string;
  readonly shellIndex: number;
  readonly pathIndex: number;
  readonly transferS: number;
  /** The path's launch rate at t, kg/s. */
  readonly launchRateKgPerS: number;
  /** Packet ages, s, evenly spaced over [0, transferS] (0 and transferS included), packetsPerPath of them. */
  readonly agesS: Float64Array;
  /** Packet positions, heliocentric ECLIPJ2000, m, xyz interleaved (z = 0: the transfers fly in the ecliptic). */
  readonly positionsM: Float64Array;
  /** The path's launch rate at each packet's launch time t - age, kg/s (0: nothing launched then). */
  readonly packetRateKgPerS: Float64Array;
  /** Collectors each packet stands for: those launched in its cell of ages; they sum to the path's in flight. */
  readonly packetCollectors: Float64Array;
}

export interface TransitStreams {
  /** The paths that can be drawn: lunar sites, transferS > 0, in layout order. */
  readonly paths: readonly TransitPath[];
  /**
   * The packets at tdbS (TDB seconds past J2000, finite), `packetsPerPath` per path (integer >= 1): one state per
   * drawable path that has something in flight at tdbS (launched in [tdbS - transferS, tdbS]) or is launching at
   * tdbS; the others are left out. Pure and random access.
   */
  transitAt(tdbS: number, packetsPerPath: number): TransitPathState[];
}

/**
 * Heliocentric ECLIPJ2000 position, m, of a packet of age `ageS` (s, in [0, path.transferS]) on `path` that left
 * at ecliptic longitude `departureLongitudeRad` (rad), into out[offset..offset + 2]. Pure; no allocation.
 */
export function transitPositionM(
  path: TransitPath,
  departureLongitudeRad: number,
  ageS: number,
  out: Float64Array,
  offset = 0,
): void {
  const track = path.track;
  if (track !== null && ageS <= path.flightS) {
    const times = track.timesS;
    const n = times.length;
    const i = Math.min(Math.max(countAtOrBelow(times, ageS) - 1, 0), n - 2);
    const t0 = times[i] as number;
    const h = (times[i + 1] as number) - t0;
    const u = h > 0 ? Math.min(Math.max((ageS - t0) / h, 0), 1) : 0;
    const x = hermite(
      track.xM[i] as number,
      track.vxMS[i] as number,
      track.xM[i + 1] as number,
      track.vxMS[i + 1] as number,
      h,
      u,
    );
    const y = hermite(
      track.yM[i] as number,
      track.vyMS[i] as number,
      track.yM[i + 1] as number,
      track.vyMS[i + 1] as number,
      h,
      u,
    );
    const c = Math.cos(departureLongitudeRad);
    const s = Math.sin(departureLongitudeRad);
    out[offset] = c * x - s * y;
    out[offset + 1] = s * x + c * y;
    out[offset + 2] = 0;
    return;
  }
  const radius = path.arrivalRadiusM;
  const longitude =
    departureLongitudeRad + path.arrivalAngleRad + path.driftRateRadPerS * (ageS - path.flightS);
  out[offset] = radius * Math.cos(longitude);
  out[offset + 1] = radius * Math.sin(longitude);
  out[offset + 2] = 0;
}

// --- The Earth's longitude ---------------------------------------------------------------------------------------

/** The Earth's ecliptic longitude (ECLIPJ2000, rad) at the nodes start + i step, unwrapped (continuous). */
interface LongitudeTable {
  readonly startS: number;
  readonly stepS: number;
  readonly longitudesRad: Float64Array;
}

function earthLongitudeDirect(tdbS: number): number {
  const [x, y] = earthHeliocentricEclipticM(tdbS);
  return Math.atan2(y, x);
}

/** Table whose interpolation covers [fromS, toS] (one node before, two after). */
function longitudeTable(fromS: number, toS: number): LongitudeTable {
  const stepS = EARTH_LONGITUDE_TABLE_STEP_S;
  const startS = fromS - stepS;
  const count = Math.ceil((toS - fromS) / stepS) + 3;
  const longitudesRad = new Float64Array(count);
  let previous = 0;
  for (let i = 0; i < count; i += 1) {
    let lon = earthLongitudeDirect(startS + i * stepS);
    if (i > 0) lon += 2 * Math.PI * Math.round((previous - lon) / (2 * Math.PI));
    longitudesRad[i] = lon;
    previous = lon;
  }
  return { startS, stepS, longitudesRad };
}

/** The Earth's ecliptic longitude at tdbS, rad (any 2 pi branch): cubic Lagrange in the table, else direct. */
function earthLongitudeRad(table: LongitudeTable, tdbS: number): number {
  const u = (tdbS - table.startS) / table.stepS;
  const j = Math.floor(u);
  const lon = table.longitudesRad;
  if (!(j >= 1 && j + 2 < lon.length)) return earthLongitudeDirect(tdbS);
  const s = u - j;
  const p0 = lon[j - 1] as number;
  const p1 = lon[j] as number;
  const p2 = lon[j + 1] as number;
  const p3 = lon[j + 2] as number;
  // Lagrange basis on the nodes -1, 0, 1, 2.
  const sm1 = s - 1;
  const sm2 = s - 2;
  const sp1 = s + 1;
  return (
    (-s * sm1 * sm2 * p0) / 6 +
    (sp1 * sm1 * sm2 * p1) / 2 -
    (sp1 * s * sm2 * p2) / 2 +
    (sp1 * s * sm1 * p3) / 6
  );
}

// --- Streams of a history ----------------------------------------------------------------------------------------

interface DrawnPath {
  readonly path: TransitPath;
  /** The path's cumulative launched mass at every sample, kg. */
  readonly launchedKg: Float64Array;
}

/** The transfer orbit of one path (see the module comment). */
function transitPath(
  history: GrowthHistory,
  pathIndex: number,
  siteIndex: number,
  targetIndex: number,
  muEffM3S2: number,
): TransitPath | null {
  const { params } = history;
  const site = params.sites[siteIndex];
  const target = site?.targets[targetIndex];
  if (site === undefined || target === undefined) return null;
  if (site.body !== 'moon' || !(target.transferS > 0)) return null;
  const r1 = site.heliocentricDistanceM;
  const r2 = params.shellRadiiM[target.shellIndex] ?? r1;
  const common = {
    site: site.name,
    siteIndex,
    shell: params.shellNames[target.shellIndex] ?? '',
    shellIndex: target.shellIndex,
    pathIndex,
    transferS: target.transferS,
    departureRadiusM: r1,
    arrivalRadiusM: r2,
  };
  const track = target.transfer.track;
  const n = track === null ? 0 : track.timesS.length;
  const arrivalAngleRad =
    track === null || n === 0 ? 0 : Math.atan2(track.yM[n - 1] as number, track.xM[n - 1] as number);
  return {
    ...common,
    kind: track === null ? 'drift' : 'flown',
    flightS: target.flightS,
    holdS: target.holdS,
    track,
    arrivalAngleRad,
    driftRateRadPerS: Math.sqrt(muEffM3S2 / (r2 * r2 * r2)),
  };
}

/**
 * The collectors in transit of a growth history: the drawable paths and their transfer orbits, the paths'
 * cumulative launched mass and a table of the Earth's longitude, built once (about 4,000 astronomy-engine calls
 * for a 21-year history). transitAt is pure and random access; see the module comment for the model.
 */
export function createTransitStreams(history: GrowthHistory): TransitStreams {
  const { layout, params } = history;
  const muEffM3S2 = effectiveMu(params.collectorLightnessNumber);
  const drawn: DrawnPath[] = [];
  for (let p = 0; p < layout.pathCount; p += 1) {
    const path = transitPath(history, p, layout.pathSite[p] ?? -1, layout.pathTarget[p] ?? -1, muEffM3S2);
    if (path === null) continue;
    const slot = layout.pathOffset(p) + PATH.launchedKg;
    const launchedKg = new Float64Array(history.sampleCount);
    for (let i = 0; i < history.sampleCount; i += 1) {
      launchedKg[i] = history.states[i * layout.size + slot] as number;
    }
    drawn.push({ path, launchedKg });
  }
  let maxTransferS = 0;
  for (const { path } of drawn) maxTransferS = Math.max(maxTransferS, path.transferS);
  const table: LongitudeTable =
    drawn.length > 0
      ? longitudeTable(history.fromTdbS - maxTransferS, history.toTdbS)
      : { startS: 0, stepS: EARTH_LONGITUDE_TABLE_STEP_S, longitudesRad: new Float64Array(0) };
  const times = history.timesTdbS;
  const count = history.sampleCount;
  const unitMassKg = history.collector.unitMassKg;

  const transitAt = (tdbS: number, packetsPerPath: number): TransitPathState[] => {
    requireFinite(tdbS, 'tdbS');
    if (!(Number.isInteger(packetsPerPath) && packetsPerPath >= 1)) {
      throw new InputError(`must be an integer >= 1, got ${packetsPerPath}`, 'packetsPerPath');
    }
    const states: TransitPathState[] = [];
    for (const { path, launchedKg } of drawn) {
      const T = path.transferS;
      const cumulative = (i: number): number => launchedKg[i] as number;
      const launchRateKgPerS = piecewiseLinearSlope(times, count, cumulative, tdbS);
      const launchedNowKg = piecewiseLinearValue(times, count, launchedKg, tdbS);
      const inFlightKg = launchedNowKg - piecewiseLinearValue(times, count, launchedKg, tdbS - T);
      if (!(inFlightKg > 0 || launchRateKgPerS > 0)) continue;
      const n = packetsPerPath;
      const spacing = n > 1 ? T / (n - 1) : 0;
      const agesS = new Float64Array(n);
      const positionsM = new Float64Array(3 * n);
      const packetRateKgPerS = new Float64Array(n);
      const packetCollectors = new Float64Array(n);
      // Cell k spans the ages [edge k, edge k + 1]: 0, spacing / 2, 3 spacing / 2, ..., T.
      let edgeKg = launchedNowKg;
      for (let k = 0; k < n; k += 1) {
        // The last age is T exactly, whatever the rounding of k * spacing.
        const age = k === n - 1 && k > 0 ? T : k * spacing;
        agesS[k] = age;
        const nextEdgeAge = k === n - 1 ? T : (k + 0.5) * spacing;
        const nextEdgeKg = piecewiseLinearValue(times, count, launchedKg, tdbS - nextEdgeAge);
        packetCollectors[k] = (edgeKg - nextEdgeKg) / unitMassKg;
        edgeKg = nextEdgeKg;
        packetRateKgPerS[k] = piecewiseLinearSlope(times, count, cumulative, tdbS - age);
        transitPositionM(path, earthLongitudeRad(table, tdbS - age), age, positionsM, 3 * k);
      }
      states.push({
        tdbS,
        site: path.site,
        siteIndex: path.siteIndex,
        shell: path.shell,
        shellIndex: path.shellIndex,
        pathIndex: path.pathIndex,
        transferS: T,
        launchRateKgPerS,
        agesS,
        positionsM,
        packetRateKgPerS,
        packetCollectors,
      });
    }
    return states;
  };

  return { paths: drawn.map((d) => d.path), transitAt };
}
