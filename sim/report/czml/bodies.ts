/**
 * The Sun, the inner planets and the Moon as sampled geocentric positions (frame.ts: INERTIAL), from the core's
 * ephemeris (sim/geometry/: astronomy-engine's VSOP87 and its lunar series), available over the whole run.
 *
 * Sampling: BODY_SAMPLES_PER_REVOLUTION samples over the shortest motion in a geocentric position: the body's own
 * period, the Earth's year, and the month, because the Earth's centre circles the Earth-Moon barycentre
 * (4,671 km, once a sidereal month) and that circle is in every geocentric position. Five bodies sampled every
 * 1.7 days cost little. With sampling.ts's bound, 6.1e-7 of the amplitude per circular term: 2 au x 6.1e-7 =
 * 180 km for a planet, 1 au x 6.1e-7 = 90 km for the Sun, 384,400 km x 6.1e-7 = 0.2 km for the Moon, plus the
 * eccentricity's and the lunar inequalities' harmonics (the Moon's evection and variation have periods of 32 and
 * 15 days, at most 1/100 of its distance: (27.3 / 14.8)^8 x 0.011 = 1.5 times the main term).
 */
import { SECONDS_PER_DAY } from '../../constants.ts';
import { moonGeocentricEclipticM } from '../../geometry/moonPosition.ts';
import { planetHeliocentricEclipticM, SIDEREAL_PERIOD_DAYS } from '../../geometry/planetPositions.ts';
import { earthHeliocentricEqjM } from '../../geometry/earthPosition.ts';
import type { Vec3 } from '../../orbit/elements.ts';
import { eclipticToEquatorial } from '../../orbit/frames.ts';
import { geocentricEqjOfHeliocentricM } from './frame.ts';
import { positionProperty, sampleTimes, type SampledPosition } from './sampling.ts';
import { BODY_COLORS, rgbaOfHex } from './style.ts';
import type { CzmlTimeline } from './timeline.ts';

/** Samples per revolution of the fastest motion in a body's geocentric position. */
export const BODY_SAMPLES_PER_REVOLUTION = 32;

/** The Moon's sidereal month, days (NASA NSSDC Moon Fact Sheet). */
export const MOON_SIDEREAL_PERIOD_DAYS = 27.3217;

export interface BodyPacket {
  readonly id: string;
  readonly name: string;
  readonly availability: string;
  readonly position: SampledPosition;
  readonly point: { readonly pixelSize: number; readonly color: { readonly rgba: number[] } };
  readonly label: {
    readonly text: string;
    readonly font: string;
    readonly horizontalOrigin: 'LEFT';
    readonly pixelOffset: { readonly cartesian2: [number, number] };
    readonly fillColor: { readonly rgba: number[] };
    readonly distanceDisplayCondition?: { readonly distanceDisplayCondition: [number, number] };
  };
}

interface Body {
  readonly id: string;
  readonly name: string;
  readonly periodDays: number;
  readonly colorHex: string;
  readonly pixelSize: number;
  readonly geocentricEqjM: (tdbS: number) => Vec3;
}

const EARTH_YEAR_DAYS = SIDEREAL_PERIOD_DAYS.earth;

/**
 * The Sun's geometric geocentric position, EQJ, m: minus the Earth's heliocentric one, as for every other body
 * (not sim/geometry/sunPosition.ts's apparent direction, 20" of aberration away, which casts the core's shadows).
 */
function sunGeometricGeocentricEqjM(tdbS: number): Vec3 {
  const earth = earthHeliocentricEqjM(tdbS);
  return [-earth[0], -earth[1], -earth[2]];
}

const BODIES: readonly Body[] = [
  {
    id: 'body:sun',
    name: 'Sun',
    periodDays: EARTH_YEAR_DAYS,
    colorHex: BODY_COLORS.sun,
    pixelSize: 14,
    geocentricEqjM: sunGeometricGeocentricEqjM,
  },
  ...(['mercury', 'venus', 'mars'] as const).map((id) => ({
    id: `body:${id}`,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    periodDays: SIDEREAL_PERIOD_DAYS[id],
    colorHex: BODY_COLORS[id],
    pixelSize: 6,
    geocentricEqjM: (tdbS: number) =>
      geocentricEqjOfHeliocentricM(planetHeliocentricEclipticM(id, tdbS), tdbS),
  })),
  {
    id: 'body:moon',
    name: 'Moon',
    periodDays: MOON_SIDEREAL_PERIOD_DAYS,
    colorHex: BODY_COLORS.moon,
    pixelSize: 5,
    geocentricEqjM: (tdbS: number) => eclipticToEquatorial(moonGeocentricEclipticM(tdbS)),
  },
];

/**
 * The Earth: a labelled point at the centre of the frame (Cesium's globe is the Earth, but at the swarm's scale it is
 * far below a pixel).
 */
export interface EarthPacket {
  readonly id: 'body:earth';
  readonly name: 'Earth';
  readonly availability: string;
  readonly position: { readonly referenceFrame: 'FIXED'; readonly cartesian: [0, 0, 0] };
  readonly point: BodyPacket['point'];
  readonly label: BodyPacket['label'];
}

/** The body packets over the run's output times `times` (TDB s, ascending). */
export function bodyPackets(
  timeline: CzmlTimeline,
  times: readonly number[],
): Array<BodyPacket | EarthPacket> {
  const toGrid = (t: number): number => timeline.tdbAt(timeline.offsetS(t));
  const availability = timeline.interval(times[0] as number, times[times.length - 1] as number);
  const earthRgba = rgbaOfHex(BODY_COLORS.earth);
  const earth: EarthPacket = {
    id: 'body:earth',
    name: 'Earth',
    availability,
    position: { referenceFrame: 'FIXED', cartesian: [0, 0, 0] },
    point: { pixelSize: 6, color: { rgba: earthRgba } },
    label: {
      text: 'Earth',
      font: '12px sans-serif',
      horizontalOrigin: 'LEFT',
      pixelOffset: { cartesian2: [8, 0] },
      fillColor: { rgba: earthRgba },
    },
  };
  const bodies = BODIES.map((body): BodyPacket => {
    const stepS =
      (Math.min(body.periodDays, EARTH_YEAR_DAYS, MOON_SIDEREAL_PERIOD_DAYS) * SECONDS_PER_DAY) /
      BODY_SAMPLES_PER_REVOLUTION;
    const rgba = rgbaOfHex(body.colorHex);
    return {
      id: body.id,
      name: body.name,
      availability,
      position: positionProperty(
        timeline,
        'INERTIAL',
        sampleTimes(times, stepS, toGrid),
        body.geocentricEqjM,
      ),
      point: { pixelSize: body.pixelSize, color: { rgba } },
      label: {
        text: body.name,
        font: '12px sans-serif',
        horizontalOrigin: 'LEFT',
        pixelOffset: { cartesian2: [8, 0] },
        fillColor: { rgba },
        // the Moon's label only from within 2e10 m (0.13 au): farther away it sits on the Earth's
        ...(body.id === 'body:moon'
          ? { distanceDisplayCondition: { distanceDisplayCondition: [0, 2e10] as [number, number] } }
          : {}),
      },
    };
  });
  return [earth, ...bodies];
}
