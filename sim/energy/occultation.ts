/**
 * Whether the Earth hides a hop's receiver from its transmitter, at one instant: the line of sight of every hop
 * whose two ends have places (placement.ts hopEndsAt: neither end a cluster, hop 0's collectors excluded). Pure and
 * random access in time, like energyLedgerAt, which curtails the hidden share of the hop (ledger.ts).
 *
 * Frame: heliocentric ecliptic J2000 (ECLIPJ2000), m, as placement.ts gives the platforms and the Earth's centre c
 * (the same VSOP87 position the L4/L5 points and the Earth-fixed places are built on). Time: TDB s past J2000.
 *
 * Geometry of one transmitter-receiver pair, ends a and b, both in space (L4, L5, geostationary): with p = a - c
 * and q = b - c, the point of the segment nearest the Earth's centre is p + s (q - p) with
 * s = -p.(q - p) / |q - p|^2 clamped to [0, 1]; its distance from c is |p| (s <= 0), |q| (s >= 1), or else
 * |p x q| / |q - p| (the cross product keeps full precision where p and q are 1 au and 42,000 km long). The pair is
 * blocked when that distance is below EARTH_OCCULTING_RADIUS_M. Both ends lie far outside that sphere (1 au and
 * 42,164 km), so a blocked segment really enters it and leaves it again.
 *
 * A ground end lies inside that sphere by construction; its line is clear when the other end is above the site's
 * horizon, (b - a).(a - c) > 0 for a ground site a (geocentric zenith: within 0.19 deg of the geodetic one). Such a
 * line then moves away from the Earth's centre all the way and cannot meet the Earth again; the air along it is the
 * link budget's business (the hop's elevationDeg). A geostationary relay over its rectenna is always in view.
 *
 * The hop: each transmitting platform carries its unitShare of the hop's units, and aims them evenly at the hop's
 * receivers (their own unitShare: 1, or 1/2 at each of L4 and L5), so the pair (a, b) carries
 * a.unitShare x b.unitShare of the units. A unit whose receiver is hidden does not send (it is not re-aimed at
 * another receiver): the hop's clear share is the sum of the clear pairs' shares, exactly 1 when all are clear.
 *
 * What this gives for the baseline's hub -> geostationary relay (links[1].hops[1]). Seen from the Earth a hub at
 * 1 au is a direction u at declination dec (equator of date) that moves about 1 deg a day, slowly against the
 * relay, which circles the Earth's axis at radius r = 42,164 km once a day relative to u. Over 1 au the lines from
 * the hub are parallel to within r / 1 au = 2.8e-4 rad, so the relay is hidden while it is within
 * alpha = asin(R / r) of the anti-hub direction -u, R = EARTH_OCCULTING_RADIUS_M. With the relay at hour angle H
 * along the equator from the foot of -u's meridian, the angle psi between them obeys cos psi = cos dec cos H (the
 * right spherical triangle relay - foot - (-u), legs H and dec), so the relay is hidden while
 * cos H > cos alpha / cos dec: never when |dec| >= alpha, and else for 2 acos(cos alpha / cos dec) of the 2 pi that H
 * sweeps in one turn (about a day: the relay turns once a sidereal day, u about 1 deg a day the same way), i.e. for
 * that fraction of the time. L4 and L5 lie in the ecliptic 60 deg west and east of the Sun, so sin dec = sin eps sin lambda,
 * eps = 23.44 deg: the seasons are the 2 asin(sin alpha / sin eps) of ecliptic longitude (about 46 days) about each
 * equinox point, twice a year per hub. tests/energy/occultation.test.ts integrates this over the year against the
 * sampled geometry.
 */
import { EARTH_EQUATORIAL_RADIUS_M } from '../constants.ts';
import { hopEndsAt, type HopEnds, type PlatformPosition } from './placement.ts';
import type { EnergyParams } from './resolve.ts';

/**
 * Lowest height over the Earth's equatorial radius at which a line of sight counts as clear, m: 120 km. A space
 * hop's link budget has no atmosphere, and the air bends a ray grazing at tangent height h by about
 * (n(h) - 1) sqrt(2 pi r / H) (Kursinski et al. 1997, JGR 102(D19):23429, eq. 6; H the density scale height). For
 * 1.064 um, n - 1 = 2.74e-4 at sea level (Ciddor 1996, Appl. Opt. 35:1566) times the density ratio of the U.S.
 * Standard Atmosphere 1976 (5.60e-7 kg/m^3 at 100 km, 2.22e-8 at 120 km, against 1.225): 1.1e-8 rad at 100 km
 * (H = 5.6 km), ten widths lambda / D of the baseline's 1 km, 1.064 um beam; 3.6e-10 rad at 120 km (H = 8 km), the
 * size of that hop's 3e-10 rad pointing jitter. The bending cannot be taken out by phase conjugation on the relay's
 * beacon, which is 500 s old after 1 au while the tangent point sweeps through a scale height in 2-3 s (the relay
 * moves 3 km/s), and the thermosphere's density varies by tens of % with solar activity; above 120 km what is left
 * of it is inside the pointing budget. Absorption at 1.064 um is negligible far lower. Radio hops would tolerate a
 * lower line (their beams are 1e4 times wider); one height for all is conservative for them. Each 100 km of it
 * lengthens an outage by about 2 x 100 km / 3 km/s = 66 s, +3 % of the baseline's yearly outage.
 */
export const LINE_OF_SIGHT_GRAZING_HEIGHT_M = 120_000;

/**
 * Radius of the sphere about the Earth's centre that a clear space-to-space line must miss, m: the IAU 2015
 * nominal equatorial radius (6,378.1 km) plus LINE_OF_SIGHT_GRAZING_HEIGHT_M. A sphere rather than the WGS-84
 * ellipsoid: it contains the ellipsoid raised by the grazing height, so it never calls clear a line that passes
 * lower than that over the real surface, and it overstates the Earth by at most the flattening a - b = 21.4 km, at
 * the poles, where the baseline's lines graze only in the short outages at the edges of a season. Measured over
 * 2045-2046, the ellipsoid would make the hubs' yearly outage 0.3 % shorter (0.9727 % of the time against
 * 0.9758 %), a tenth of what the uncertain grazing height moves it.
 */
export const EARTH_OCCULTING_RADIUS_M = EARTH_EQUATORIAL_RADIUS_M + LINE_OF_SIGHT_GRAZING_HEIGHT_M;

type Point = readonly [number, number, number];

/**
 * Distance from `centre` to the nearest point of the segment a-b, in the unit of the inputs (any one Cartesian
 * frame). Exact to rounding, also for a degenerate segment (a = b).
 */
export function segmentDistanceFrom(a: Point, b: Point, centre: Point): number {
  const p0 = a[0] - centre[0];
  const p1 = a[1] - centre[1];
  const p2 = a[2] - centre[2];
  const q0 = b[0] - centre[0];
  const q1 = b[1] - centre[1];
  const q2 = b[2] - centre[2];
  const d0 = q0 - p0;
  const d1 = q1 - p1;
  const d2 = q2 - p2;
  const dd = d0 * d0 + d1 * d1 + d2 * d2;
  const pd = p0 * d0 + p1 * d1 + p2 * d2;
  if (!(pd < 0) || dd === 0) return Math.hypot(p0, p1, p2); // nearest point a (s <= 0)
  if (-pd >= dd) return Math.hypot(q0, q1, q2); // nearest point b (s >= 1)
  // |p x q| / |q - p|: the distance of the line, without the cancellation of p + s (q - p).
  return Math.hypot(p1 * q2 - p2 * q1, p2 * q0 - p0 * q2, p0 * q1 - p1 * q0) / Math.sqrt(dd);
}

/** True when `other` is above the geocentric horizon of `site` (the Earth's centre at `centre`): elevation > 0. */
export function aboveHorizon(site: Point, other: Point, centre: Point): boolean {
  return (
    (other[0] - site[0]) * (site[0] - centre[0]) +
      (other[1] - site[1]) * (site[1] - centre[1]) +
      (other[2] - site[2]) * (site[2] - centre[2]) >
    0
  );
}

/**
 * Whether the Earth leaves the line between two placed platforms clear (see the module comment): the segment
 * misses the sphere of EARTH_OCCULTING_RADIUS_M, or, with a ground end, the other end is above its horizon.
 * `earthM` is the Earth's centre in the platforms' frame. Throws for a platform without a position (a cluster).
 */
export function lineOfSightClear(tx: PlatformPosition, rx: PlatformPosition, earthM: Point): boolean {
  const a = tx.positionM;
  const b = rx.positionM;
  if (a === null || b === null)
    throw new Error(`line of sight: ${a === null ? tx.label : rx.label} has no place`);
  if (tx.kind === 'ground' || rx.kind === 'ground') {
    return (
      (tx.kind !== 'ground' || aboveHorizon(a, b, earthM)) &&
      (rx.kind !== 'ground' || aboveHorizon(b, a, earthM))
    );
  }
  return segmentDistanceFrom(a, b, earthM) >= EARTH_OCCULTING_RADIUS_M;
}

/** One transmitter-receiver pair of a hop at one instant. */
export interface LineOfSightPair {
  /** The platforms' labels (placement.ts), e.g. `Sun-Earth L4` -> `geostationary 118.35° W`. */
  readonly transmitter: string;
  readonly receiver: string;
  /** Fraction of the hop's units on this pair: transmitter unitShare x receiver unitShare. */
  readonly unitShare: number;
  /** False while the Earth hides the receiver from the transmitter. */
  readonly clear: boolean;
}

/** The line of sight of one hop at one instant. */
export interface HopLineOfSight {
  /** Fraction of the hop's units whose receiver is in view, [0, 1]; exactly 1 when every pair is clear. */
  readonly clearShare: number;
  readonly pairs: readonly LineOfSightPair[];
}

/** The line of sight of a hop from its ends (placement.ts HopEnds). */
export function hopLineOfSight(ends: HopEnds): HopLineOfSight {
  const pairs: LineOfSightPair[] = [];
  let clearShare = 0;
  let allClear = true;
  for (const tx of ends.transmitters) {
    for (const rx of ends.receivers) {
      const unitShare = tx.unitShare * rx.unitShare;
      const clear = lineOfSightClear(tx, rx, ends.earthM);
      pairs.push({ transmitter: tx.label, receiver: rx.label, unitShare, clear });
      if (clear) clearShare += unitShare;
      else allClear = false;
    }
  }
  return { clearShare: allClear ? 1 : Math.min(1, clearShare), pairs };
}

/**
 * The line of sight of every hop at `tdbS` (TDB s past J2000): for each link, for each hop, null when the hop's
 * ends are not both placed (hop 0, a cluster end, a hop or its predecessor without receiverAt), else which of its
 * transmitter-receiver pairs the Earth hides. Throws InputError for a non-finite tdbS.
 */
export function lineOfSightAt(
  energy: EnergyParams,
  tdbS: number,
): ReadonlyArray<ReadonlyArray<HopLineOfSight | null>> {
  return hopEndsAt(energy, tdbS).map((link) =>
    link.map((ends) => (ends === null ? null : hopLineOfSight(ends))),
  );
}
