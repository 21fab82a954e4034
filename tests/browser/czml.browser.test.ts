/**
 * The CZML export read by an independent reader: CesiumJS's own CzmlDataSource (no Viewer, no network). Cesium's
 * SampledPositionProperty interpolates the document's samples; its positions at instants between samples are
 * compared with the core's (the float64 propagator for tracers, astronomy-engine for the bodies, SGP4 for the
 * power satellites) within the interpolation bounds stated in sim/report/czml/. A beam's `show` is compared with
 * the Earth's shadow on its satellite as sim/earth/eclipse.ts gives it through earthSegmentAt, and a tracer's
 * availability with its station time.
 *
 * Cesium's instants are its own: the core's TDB time t becomes a JulianDate from TT = TAI + 32.184 s on Cesium's
 * TAI scale, never through the document's ISO strings, so the document's time conversion is checked as well.
 */
import { Body, GeoMoon, HelioVector } from 'astronomy-engine';
import {
  CzmlDataSource,
  JulianDate,
  ReferenceFrame,
  TimeInterval,
  TimeStandard,
  Transforms,
  type Entity,
} from 'cesium';
import { describe, expect, it } from 'vitest';

import { AU_M } from '../../sim/constants.ts';
import { temeKmToEqjM, temeToEqjMatrix } from '../../sim/earth/frames.ts';
import { temeAt } from '../../sim/earth/orbitModel.ts';
import { earthSegmentAt } from '../../sim/earth/segment.ts';
import { lineOfSightClear } from '../../sim/energy/occultation.ts';
import { hopEndsAt } from '../../sim/energy/placement.ts';
import { astroTimeOf } from '../../sim/geometry/astroTime.ts';
import { eclipticToEquatorial } from '../../sim/orbit/frames.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import {
  buildCzml,
  platformPacketId,
  rectennaPacketId,
  satelliteFixedM,
  satellitePacketId,
  TRACER_INTERPOLATION_ERROR_M,
  TRACER_SHAPE_ERROR_M,
} from '../../sim/report/czml/index.ts';
import { outputTimes } from '../../sim/simulate.ts';
import { loadBuiltinScenario } from '../../sim/scenario/load.ts';
import { isoToTdbS, tdbSToTtS } from '../../sim/time.ts';
import { createWorld } from '../../sim/world.ts';

/** Around the March 2046 equinox: the geostationary satellites' eclipse season, and tracers arriving on station. */
const FROM = '2046-02-01';
const TO = '2046-04-01';
const TRACERS = 300;

/** TT - TAI, s (IAU 1991 Resolution A4). */
const TT_MINUS_TAI_S = 32.184;

/**
 * Tolerances, m, each above the error observed here and below the bound the module states where it states one:
 * observed 6,190 km for a tracer (bound TRACER_INTERPOLATION_ERROR_M, 13,350 km: the Earth's monthly circle about
 * the Earth-Moon barycentre, unresolved by the tracers' sampling), 0.05 m for the Sun and Mars, 9.3 m for Mercury,
 * 33 m for the Moon (bodies.ts: 32 samples a month), 6.7 m for a power satellite in the Earth-fixed frame
 * (earthSegment.ts: SDP4's resonance steps).
 */
const TRACER_TOLERANCE_M = 7.0e6;
/** Between two tracers of one grid: observed 12 km (bound 2 x TRACER_SHAPE_ERROR_M, 1,800 km). */
const TRACER_SHAPE_TOLERANCE_M = 3.0e4;
const SUN_MARS_TOLERANCE_M = 1;
const MERCURY_TOLERANCE_M = 15;
const MOON_TOLERANCE_M = 50;
const SATELLITE_TOLERANCE_M = 10;
/**
 * A satellite's FIXED samples turned into INERTIAL by Cesium's IAU 2006 rotation, against the core's EQJ (TEME by
 * astronomy-engine's precession-nutation): observed 32 m at 42,164 km, 0.16", interpolation included. The frames
 * the document names are the frames Cesium reads (a GMST-only rotation would be 0.64 deg of precession, 470 km,
 * off).
 */
const FRAME_TOLERANCE_M = 45;

/** Cesium's instant for a core TDB time: JD 2451545.0 TT plus t's TT seconds, on Cesium's TAI scale. */
function julianOf(tdbS: number): JulianDate {
  return new JulianDate(2451545, tdbSToTtS(tdbS) - TT_MINUS_TAI_S, TimeStandard.TAI);
}

type Vec = readonly [number, number, number];

function minus(a: Vec, b: Vec): [number, number, number] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function norm(a: Vec): number {
  return Math.hypot(a[0], a[1], a[2]);
}

/** A body's heliocentric position, EQJ, m, straight from astronomy-engine (geometric). */
function helioEqjM(body: Body, tdbS: number): Vec {
  const v = HelioVector(body, astroTimeOf(tdbS));
  return [v.x * AU_M, v.y * AU_M, v.z * AU_M];
}

function cesiumPosition(entity: Entity, tdbS: number, frame: ReferenceFrame): Vec {
  const p = entity.position?.getValueInReferenceFrame(julianOf(tdbS), frame);
  if (p === undefined) throw new Error(`${entity.id}: no position at ${tdbS}`);
  return [p.x, p.y, p.z];
}

const scenario = loadBuiltinScenario('baseline');
const fromTdbS = isoToTdbS(FROM);
const toTdbS = isoToTdbS(TO);
const times = outputTimes(fromTdbS, toTdbS, { kind: 'fixed', seconds: 30 * 86_400 });
const world = createWorld(scenario, { tracers: TRACERS, spanTdbS: [fromTdbS, toTdbS] });
// through JSON text, as the file is read
const packets = JSON.parse(
  JSON.stringify(buildCzml(world, times, { name: 'baseline', tracersShown: TRACERS })),
) as Array<{ id: string; position?: { cartesian?: number[] } }>;
const source = await CzmlDataSource.load(packets);

/** Instants spread over the span, TDB s, none on a sample (samples are on whole milliseconds of offset). */
const probeTimes = Array.from({ length: 40 }, (_, k) => fromTdbS + (toTdbS - fromTdbS) * ((k + 0.5137) / 40));

describe('CZML read back by CesiumJS', () => {
  it('tracers: Cesium interpolates the float64 propagator, and the swarm keeps its shape', () => {
    const { table } = world.swarm;
    const out = new Float64Array(3 * table.count);
    // the tracers' sample grids, by their first sample step (tracers.ts: a few grids, shared)
    const gridOf = new Map<string, number>();
    for (const packet of packets) {
      const c = packet.position?.cartesian;
      if (packet.id.startsWith('tracer:') && c !== undefined) {
        gridOf.set(packet.id, Math.round((c[4] as number) - (c[0] as number)));
      }
    }
    let checked = 0;
    let worst = 0;
    let worstShape = 0;
    for (const t of probeTimes) {
      propagateCpu64(table, t, out);
      const earth = helioEqjM(Body.Earth, t);
      const firstError = new Map<number, Vec>();
      for (const entity of source.entities.values) {
        if (!entity.id.startsWith('tracer:') || !entity.isAvailable(julianOf(t))) continue;
        const i = Number(entity.id.slice('tracer:'.length));
        const helio = eclipticToEquatorial([
          out[3 * i] as number,
          out[3 * i + 1] as number,
          out[3 * i + 2] as number,
        ]);
        const error = minus(cesiumPosition(entity, t, ReferenceFrame.INERTIAL), minus(helio, earth));
        worst = Math.max(worst, norm(error));
        // the Earth's part of the error is common to a grid's tracers; what differs is each tracer's own
        const grid = gridOf.get(entity.id) as number;
        const reference = firstError.get(grid);
        if (reference === undefined) firstError.set(grid, error);
        else worstShape = Math.max(worstShape, norm(minus(error, reference)));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(worst).toBeLessThan(TRACER_TOLERANCE_M);
    expect(TRACER_TOLERANCE_M).toBeLessThan(TRACER_INTERPOLATION_ERROR_M);
    expect(worstShape).toBeLessThan(TRACER_SHAPE_TOLERANCE_M);
    expect(TRACER_SHAPE_TOLERANCE_M).toBeLessThan(2 * TRACER_SHAPE_ERROR_M);
  });

  it('a tracer is unavailable before its station time and shown from it', () => {
    const { table } = world.swarm;
    const arriving = source.entities.values.filter((entity) => {
      if (!entity.id.startsWith('tracer:')) return false;
      const station = table.stationTdbS[Number(entity.id.slice('tracer:'.length))] as number;
      return station > fromTdbS + 1 && station < toTdbS - 1;
    });
    expect(arriving.length).toBeGreaterThan(0);
    for (const entity of arriving) {
      const station = table.stationTdbS[Number(entity.id.slice('tracer:'.length))] as number;
      // 1 s either side: the availability's ISO strings are rounded to the millisecond
      expect(entity.isAvailable(julianOf(station - 1))).toBe(false);
      expect(entity.isAvailable(julianOf(station + 1))).toBe(true);
    }
  });

  it('the Sun, Mercury, Mars and the Moon: Cesium interpolates astronomy-engine', () => {
    const error = (id: string, t: number, core: Vec): number =>
      norm(minus(cesiumPosition(source.entities.getById(id) as Entity, t, ReferenceFrame.INERTIAL), core));
    const worst = { sunMars: 0, mercury: 0, moon: 0 };
    for (const t of probeTimes) {
      const earth = helioEqjM(Body.Earth, t);
      const m = GeoMoon(astroTimeOf(t));
      worst.sunMars = Math.max(
        worst.sunMars,
        error('body:sun', t, minus([0, 0, 0], earth)),
        error('body:mars', t, minus(helioEqjM(Body.Mars, t), earth)),
      );
      worst.mercury = Math.max(
        worst.mercury,
        error('body:mercury', t, minus(helioEqjM(Body.Mercury, t), earth)),
      );
      worst.moon = Math.max(worst.moon, error('body:moon', t, [m.x * AU_M, m.y * AU_M, m.z * AU_M]));
    }
    expect(worst.sunMars).toBeLessThan(SUN_MARS_TOLERANCE_M);
    expect(worst.mercury).toBeLessThan(MERCURY_TOLERANCE_M);
    expect(worst.moon).toBeLessThan(MOON_TOLERANCE_M);
  });

  it('the power satellites: Cesium interpolates SGP4 in the Earth-fixed frame, across station-keeping cycles', () => {
    const earth = world.earth;
    if (earth === undefined) throw new Error('the baseline has an earth section');
    expect(earth.satellites.length).toBeGreaterThan(0);
    let worst = 0;
    for (const sat of earth.satellites) {
      const entity = source.entities.getById(satellitePacketId(sat)) as Entity;
      for (let t = fromTdbS + 1234.5; t < toTdbS; t += 7_777) {
        const core = satelliteFixedM(sat, t);
        if (core === null) throw new Error(`${sat.name}: SGP4 failed at ${t}`);
        worst = Math.max(worst, norm(minus(cesiumPosition(entity, t, ReferenceFrame.FIXED), core)));
      }
    }
    expect(worst).toBeLessThan(SATELLITE_TOLERANCE_M);
  });

  it("Cesium's own Earth orientation (IAU 2006) turns the satellites' FIXED positions into the core's EQJ", async () => {
    // Cesium's precise ICRF <-> ITRF needs its IAU 2006 XYS tables (served from node_modules by vite; no network)
    (globalThis as { CESIUM_BASE_URL?: string }).CESIUM_BASE_URL = '/node_modules/cesium/Build/Cesium/';
    await Transforms.preloadIcrfFixed(
      new TimeInterval({ start: julianOf(fromTdbS), stop: julianOf(toTdbS) }),
    );
    expect(Transforms.computeIcrfToFixedMatrix(julianOf(fromTdbS))).toBeDefined();
    const earth = world.earth;
    if (earth === undefined) throw new Error('the baseline has an earth section');
    let worst = 0;
    for (const sat of earth.satellites) {
      const entity = source.entities.getById(satellitePacketId(sat)) as Entity;
      for (let t = fromTdbS + 999.5; t < toTdbS; t += 86_400 * 3.3) {
        const teme = temeAt(sat.orbit, t);
        if (!teme.ok) throw new Error(`${sat.name}: SGP4 failed at ${t}`);
        const core = temeKmToEqjM(temeToEqjMatrix(t), teme.pv.position);
        worst = Math.max(worst, norm(minus(cesiumPosition(entity, t, ReferenceFrame.INERTIAL), core)));
      }
    }
    expect(worst).toBeLessThan(FRAME_TOLERANCE_M);
  });

  it('a beam is off while its satellite is in the umbra and on in full sunlight', () => {
    const earth = world.earth;
    if (earth === undefined) throw new Error('the baseline has an earth section');
    const sat = earth.satellites[0];
    const site = earth.sites[0];
    if (sat === undefined || site === undefined) throw new Error('the baseline has satellites and sites');
    const beam = source.entities.getById(`beam:${satellitePacketId(sat)}->${rectennaPacketId(site)}`);
    let umbra = 0;
    let lit = 0;
    // the equinox day, every minute: the core's shadow on the satellite (sim/earth/eclipse.ts)
    for (let t = isoToTdbS('2046-03-20'); t < isoToTdbS('2046-03-21'); t += 60) {
      const state = earthSegmentAt(earth, t).perSatellite[0];
      if (state?.servedSite !== site.name) throw new Error(`${sat.name} serves ${site.name} all day`);
      const show = beam?.polyline?.show?.getValue(julianOf(t)) as boolean | undefined;
      if (state.inUmbra) {
        umbra += 1;
        expect(show).toBe(false);
      } else if (state.shadowFraction === 0) {
        lit += 1;
        expect(show).toBe(true);
      }
    }
    // a geostationary satellite is in the umbra about 67 minutes on the equinox (eclipse.ts)
    expect(umbra).toBeGreaterThan(60);
    expect(lit).toBeGreaterThan(1300);
  });

  it('a relay beam is off while the Earth hides the geostationary relay from its hub, on in view', () => {
    const energy = world.scenario.energy;
    if (energy === undefined) throw new Error('the baseline has an energy section');
    // the baseline's links[1] hop 1: the hubs at L4 and L5 -> the geostationary relay (occultation.ts)
    const ends = (t: number) => hopEndsAt(energy, t)[1]?.[1];
    const first = ends(fromTdbS);
    if (first === null || first === undefined) throw new Error('links[1] hop 1 has placed ends');
    let hidden = 0;
    let clear = 0;
    first.transmitters.forEach((tx, a) => {
      first.receivers.forEach((rx, b) => {
        const id = `relay-beam:${energy.links[1]?.name}:1:${platformPacketId(tx.label)}->${platformPacketId(rx.label)}`;
        const beam = source.entities.getById(id);
        expect(beam, id).toBeDefined();
        const coreClear = (t: number): boolean => {
          const at = ends(t);
          if (at === null || at === undefined) throw new Error('placed ends');
          return lineOfSightClear(at.transmitters[a]!, at.receivers[b]!, at.earthM);
        };
        // two days of the L5 hub's season (January-February), every minute
        for (let t = isoToTdbS('2046-02-02'); t < isoToTdbS('2046-02-04'); t += 60) {
          const now = coreClear(t);
          // the document's contacts are bisected to 1 s and written to the millisecond: skip instants within 2 s
          if (coreClear(t - 2) !== now || coreClear(t + 2) !== now) continue;
          expect(beam?.polyline?.show?.getValue(julianOf(t))).toBe(now);
          if (now) clear += 1;
          else hidden += 1;
        }
      });
    });
    // up to about an hour a day hidden from L5 in its season (occultation.ts); L4 is out of its season
    expect(hidden).toBeGreaterThan(60);
    expect(clear).toBeGreaterThan(5000);
  });
});
