/**
 * Where the energy links' platforms are at a time: for each hop, the places of its receivers (the scenario's
 * `receiverAt`, resolved in resolve.ts). The transmitter of hop 0 is the collectors; the transmitter of hop
 * j > 0 is the receiver of hop j - 1. Pure and random access in time, like energyLedgerAt.
 *
 * Output frame: heliocentric ecliptic J2000 (ECLIPJ2000), m, the frame of the swarm's positions and of
 * sim/geometry/earthPosition.ts earthHeliocentricEclipticM. Time: TDB seconds past J2000.
 *
 * Each kind of place:
 * - `cluster`: rides with the swarm's collectors and has no absolute position here (positionM null); the scene
 *   marks it on the collectors, one receiver per collectorsPerReceiver collectors feeding the link.
 * - Sun-Earth L4 / L5: the Earth's heliocentric position turned by +60 deg (L4, leading) or -60 deg (L5,
 *   trailing) about the Earth's orbital angular momentum r x v at that instant, so that the Sun, the Earth and
 *   the point form an equilateral triangle (the restricted three-body problem's triangular points, with the
 *   Earth's instantaneous osculating plane). r and v are the Earth's own (not the Earth-Moon barycentre's):
 *   the Moon swings the Earth's velocity by +-12.5 m/s, which tilts that plane by up to ~8 arcsec and moves the
 *   points by up to ~5,000 km out of it. Real relays would fly tadpole orbits about the points, tens of
 *   millions of km long; that libration is not modelled: the relay sits at the point itself.
 * - `geostationary`: a point fixed to the rotating Earth on the equator at GEOSTATIONARY_RADIUS_M over its
 *   longitude (no station-keeping excursion; sim/earth/geoSlot.ts models those for the earth section).
 * - `ground`: a point fixed to the rotating Earth, geodetic on the WGS-84 ellipsoid (sim/earth/lookAngles.ts
 *   siteEcfKm, satellite.js geodeticToEcf).
 * The two Earth-fixed kinds go through sim/earth/frames.ts exactly as the earth section's satellites do:
 * Earth-fixed -> TEME by GMST (IAU-82, UT1 = UTC; sim/geometry/earthRotation.ts), TEME -> EQJ by the equation of
 * the equinoxes, nutation and precession, then ECLIPJ2000, plus the Earth's heliocentric position. That position
 * (sim/geometry/earthPosition.ts earthHeliocentricEqjM, VSOP87 at TT) is the one the L4 and L5 points are built
 * from too (with the velocity of earthHeliocentricStateEqj), and the one earthHeliocentricEclipticM gives in the
 * ecliptic.
 *
 * hopEndsAt gives both ends of every hop that has them, with that Earth centre: occultation.ts decides from it
 * whether the Earth hides a hop's receiver from its transmitter.
 */
import { ecfToEci, type EcfVec3 } from 'satellite.js';
import { GM_EARTH_M3_S2, SECONDS_PER_DAY } from '../constants.ts';
import { temeKmToEqjM, temeToEqjMatrix, type Matrix3 } from '../earth/frames.ts';
import { SIDEREAL_MEAN_MOTION_REV_PER_DAY } from '../earth/geoSlot.ts';
import { siteEcfKm } from '../earth/lookAngles.ts';
import { earthHeliocentricEqjM, earthHeliocentricStateEqj } from '../geometry/earthPosition.ts';
import { gmstRad } from '../geometry/earthRotation.ts';
import { InputError, requireFinite } from '../errors.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { cross, rotateAboutAxis } from '../orbit/vec3.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import type { EnergyHop, EnergyLink, EnergyParams, ReceiverPlacement } from './resolve.ts';

/** The Earth's rotation rate, rad/s: 7.292115e-5 (WGS-84; IERS Conventions 2010), as in geoSlot.ts. */
export const EARTH_ROTATION_RAD_S = (SIDEREAL_MEAN_MOTION_REV_PER_DAY * 2 * Math.PI) / SECONDS_PER_DAY;

/**
 * Radius of the geostationary ring, m: the circular Kepler orbit whose period is one turn of the Earth,
 * r = (GM_earth / omega^2)^(1/3) = 42,164.17 km (GM_earth IAU 2015 B3, omega above). The Earth's oblateness
 * (J2) puts the true synchronous radius about 0.5 km further out, which no figure here resolves.
 */
export const GEOSTATIONARY_RADIUS_M = Math.cbrt(
  GM_EARTH_M3_S2 / (EARTH_ROTATION_RAD_S * EARTH_ROTATION_RAD_S),
);

/** Turn of the triangular Lagrange points from the Earth about the Sun, rad (60 deg). */
const LAGRANGE_ANGLE_RAD = Math.PI / 3;

/** The kinds of platform a receiver is on (a `sun-earth-L4-L5` hop gives one L4 and one L5 platform). */
export type PlatformKind = 'cluster' | 'sun-earth-L4' | 'sun-earth-L5' | 'geostationary' | 'ground';

/** One receiving platform of a hop at one instant. */
export interface PlatformPosition {
  readonly kind: PlatformKind;
  /** A short human name of the place, e.g. `Sun-Earth L4`, `geostationary 118.35° W`. */
  readonly label: string;
  /** Fraction of the hop's receiving units on this platform: 1, or 1/2 at each of L4 and L5. */
  readonly unitShare: number;
  /** Cluster receivers: collectors per receiver (receivers = collectors feeding the link / this); else null. */
  readonly collectorsPerReceiver: number | null;
  /** Heliocentric ecliptic J2000 (ECLIPJ2000), m, valid at the call's tdbS; null for a cluster (no own place). */
  readonly positionM: readonly [number, number, number] | null;
}

/** What one instant costs to set up, computed on first use and shared by every platform at that instant. */
class Instant {
  private earthEqjM: Vec3 | null = null;
  private earthEclipticM: Vec3 | null = null;
  private temeToEqj: Matrix3 | null = null;
  private gmst: number | null = null;
  private lagrange: { readonly L4: Vec3; readonly L5: Vec3 } | null = null;

  constructor(readonly tdbS: number) {}

  private earth(): Vec3 {
    this.earthEqjM ??= earthHeliocentricEqjM(this.tdbS);
    return this.earthEqjM;
  }

  /** The Earth's centre, heliocentric ECLIPJ2000, m: the position every platform here is built from. */
  earthEcliptic(): Vec3 {
    this.earthEclipticM ??= equatorialToEcliptic(this.earth());
    return this.earthEclipticM;
  }

  /** A point fixed to the rotating Earth (ECF, km) -> heliocentric ECLIPJ2000, m. */
  earthFixed(ecfKm: EcfVec3<number>): Vec3 {
    this.gmst ??= gmstRad(this.tdbS);
    this.temeToEqj ??= temeToEqjMatrix(this.tdbS);
    const geo = temeKmToEqjM(this.temeToEqj, ecfToEci(ecfKm, this.gmst));
    const earth = this.earth();
    return equatorialToEcliptic([earth[0] + geo[0], earth[1] + geo[1], earth[2] + geo[2]]);
  }

  /** The Sun-Earth L4 or L5 point, heliocentric ECLIPJ2000, m. */
  lagrangePoint(point: 'L4' | 'L5'): Vec3 {
    if (this.lagrange === null) {
      const r = this.earth();
      const h = cross(r, earthHeliocentricStateEqj(this.tdbS).velocityMS);
      const hNorm = Math.hypot(h[0], h[1], h[2]);
      const k: Vec3 = [h[0] / hNorm, h[1] / hNorm, h[2] / hNorm];
      this.lagrange = {
        L4: equatorialToEcliptic(rotateAboutAxis(r, k, LAGRANGE_ANGLE_RAD)),
        L5: equatorialToEcliptic(rotateAboutAxis(r, k, -LAGRANGE_ANGLE_RAD)),
      };
    }
    return this.lagrange[point];
  }
}

const RAD_TO_DEG = 180 / Math.PI;

function latitudeLabel(rad: number): string {
  const deg = rad * RAD_TO_DEG;
  return `${Math.abs(deg).toFixed(2)}° ${deg < 0 ? 'S' : 'N'}`;
}

function longitudeLabel(rad: number): string {
  const deg = rad * RAD_TO_DEG;
  return `${Math.abs(deg).toFixed(2)}° ${deg < 0 ? 'W' : 'E'}`;
}

/** The receiving platforms of one placement at one instant. */
function platforms(at: ReceiverPlacement, instant: Instant): PlatformPosition[] {
  switch (at.kind) {
    case 'cluster':
      return [
        {
          kind: 'cluster',
          label: `cluster (1 receiver per ${at.collectorsPerReceiver} collectors)`,
          unitShare: 1,
          collectorsPerReceiver: at.collectorsPerReceiver,
          positionM: null,
        },
      ];
    case 'sun-earth-L4':
    case 'sun-earth-L5':
    case 'sun-earth-L4-L5': {
      const points = at.kind === 'sun-earth-L4' ? ['L4'] : at.kind === 'sun-earth-L5' ? ['L5'] : ['L4', 'L5'];
      return points.map((point) => ({
        kind: point === 'L4' ? 'sun-earth-L4' : 'sun-earth-L5',
        label: `Sun-Earth ${point}`,
        unitShare: 1 / points.length,
        collectorsPerReceiver: null,
        positionM: instant.lagrangePoint(point as 'L4' | 'L5'),
      }));
    }
    case 'geostationary': {
      const rKm = GEOSTATIONARY_RADIUS_M / 1000;
      const ecf = { x: rKm * Math.cos(at.longitudeRad), y: rKm * Math.sin(at.longitudeRad), z: 0 };
      return [
        {
          kind: 'geostationary',
          label: `geostationary ${longitudeLabel(at.longitudeRad)}`,
          unitShare: 1,
          collectorsPerReceiver: null,
          positionM: instant.earthFixed(ecf),
        },
      ];
    }
    case 'ground':
      return [
        {
          kind: 'ground',
          label: `ground ${latitudeLabel(at.latitudeRad)} ${longitudeLabel(at.longitudeRad)}`,
          unitShare: 1,
          collectorsPerReceiver: null,
          positionM: instant.earthFixed(siteEcfKm(at)),
        },
      ];
  }
}

/**
 * Where each hop's receivers are at `tdbS` (TDB s past J2000): for each link, for each hop, its receiving
 * platforms (two for `sun-earth-L4-L5`), or null for a hop without receiverAt. Positions are heliocentric
 * ECLIPJ2000, m (see the module comment). Throws InputError for a non-finite tdbS.
 */
export function platformsAt(
  energy: EnergyParams,
  tdbS: number,
): ReadonlyArray<ReadonlyArray<readonly PlatformPosition[] | null>> {
  requireFinite(tdbS, 'tdbS');
  const instant = new Instant(tdbS);
  return energy.links.map((link) =>
    link.hops.map((hop) => (hop.receiverAt === null ? null : platforms(hop.receiverAt, instant))),
  );
}

/**
 * The platforms of one receiver placement at `tdbS` (TDB s past J2000), as platformsAt gives them for a hop: for
 * a caller that holds a hop's placement (e.g. a scene moving the platforms between snapshots). Throws InputError
 * for a non-finite tdbS.
 */
export function receiverPlatformsAt(at: ReceiverPlacement, tdbS: number): readonly PlatformPosition[] {
  requireFinite(tdbS, 'tdbS');
  return platforms(at, new Instant(tdbS));
}

function checkIndex(value: number, count: number, field: string): void {
  if (!(Number.isInteger(value) && value >= 0 && value < count)) {
    throw new InputError(`must be an integer in [0, ${count - 1}], got ${value}`, field);
  }
}

/**
 * One hop whose two ends both have places, at one instant: the platforms that transmit it (the previous hop's
 * receivers), those that receive it, and the Earth's centre. Heliocentric ECLIPJ2000, m, all valid at the same
 * tdbS.
 */
export interface HopEnds {
  /** The previous hop's receiving platforms, which transmit this hop; unitShare: their share of its units. */
  readonly transmitters: readonly PlatformPosition[];
  /** This hop's receiving platforms; unitShare: the share of each transmitter's units aimed at each. */
  readonly receivers: readonly PlatformPosition[];
  /** The Earth's centre, m: the same VSOP87 position the L4/L5 points and the Earth-fixed places are built on. */
  readonly earthM: readonly [number, number, number];
}

/**
 * The ends of hop `hopIndex` of `hops`, or null when either has no position: hop 0 (its transmitters are the
 * collectors), a cluster at either end, or a hop or its predecessor without receiverAt.
 */
function hopEnds(hops: readonly EnergyHop[], hopIndex: number, instant: Instant): HopEnds | null {
  if (hopIndex === 0) return null;
  const txAt = hops[hopIndex - 1]?.receiverAt ?? null;
  const rxAt = hops[hopIndex]?.receiverAt ?? null;
  if (txAt === null || rxAt === null || txAt.kind === 'cluster' || rxAt.kind === 'cluster') return null;
  return {
    transmitters: platforms(txAt, instant),
    receivers: platforms(rxAt, instant),
    earthM: instant.earthEcliptic(),
  };
}

/**
 * For each link, for each hop, its ends at `tdbS` (TDB s past J2000) when both have places, else null (see
 * HopEnds). One instant is shared by all hops: the Earth's position, its orientation and the L4/L5 points are
 * computed once, and only when some hop needs them. Throws InputError for a non-finite tdbS.
 */
export function hopEndsAt(energy: EnergyParams, tdbS: number): ReadonlyArray<ReadonlyArray<HopEnds | null>> {
  requireFinite(tdbS, 'tdbS');
  const instant = new Instant(tdbS);
  return energy.links.map((link) => link.hops.map((_, j) => hopEnds(link.hops, j, instant)));
}

/**
 * The geometric transmitter-receiver distance of hop `hopIndex` of link `linkIndex` at `tdbS`, m: the straight
 * line between the platforms, averaged over the transmitter-receiver pairs weighted by their unit shares (so
 * L4-L5 -> geostationary is the mean of the L4 and L5 distances). Null when either end has no position: hop 0
 * (its transmitters are the collectors), a cluster at either end, or a hop or its predecessor without
 * receiverAt. This is the geometry at one instant; the ledger uses the hop's own distanceM. Throws InputError for
 * an index out of range or a non-finite tdbS.
 */
export function hopGeometricDistanceM(
  energy: EnergyParams,
  linkIndex: number,
  hopIndex: number,
  tdbS: number,
): number | null {
  checkIndex(linkIndex, energy.links.length, 'linkIndex');
  const hops = (energy.links[linkIndex] as EnergyLink).hops;
  checkIndex(hopIndex, hops.length, 'hopIndex');
  requireFinite(tdbS, 'tdbS');
  const ends = hopEnds(hops, hopIndex, new Instant(tdbS));
  if (ends === null) return null;
  let distanceM = 0;
  for (const a of ends.transmitters) {
    for (const b of ends.receivers) {
      const p = a.positionM;
      const q = b.positionM;
      if (p === null || q === null) return null; // not reached: only clusters have no position
      distanceM += a.unitShare * b.unitShare * Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]);
    }
  }
  return distanceM;
}
