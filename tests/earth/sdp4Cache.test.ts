import { json2satrec, sgp4, twoline2satrec, type SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';

import { buildSdp4Cache, cachedSatrec, hasResonanceIntegrator, toOmm } from '../../sim/earth/index.ts';
import { dataLines, dataTles } from './helpers.ts';

/** Vallado's tcppver.out prints 8 decimals of km: agreement to 1e-8 km plus rounding. */
const VALLADO_KM = 2e-8;
const VALLADO_KM_S = 2e-9;
/**
 * Cached vs direct SDP4, km. The node state is recovered from sgp4's mean elements modulo 2 pi while the direct
 * integration carries an unreduced xli (~2e4 rad after 10 years), so the two differ by rounding: observed
 * 6.0e-7 km (GEO, 10 years) and 3.1e-5 km (Molniya, 5 years: its 0.7 eccentricity magnifies an anomaly error
 * near perigee).
 */
const CACHE_GEO_KM = 2e-6;
const CACHE_MOLNIYA_KM = 1e-4;

const [xm3] = dataTles('sgp4-ver-28626.txt');
const rows = dataLines('sgp4-ver-28626.txt')
  .filter((line) => !/^[12] /.test(line))
  .map((line) => line.trim().split(/\s+/).map(Number));

function distanceKm(a: SatRec, b: SatRec, t: number): number {
  const pa = sgp4(a, t)!.position;
  const pb = sgp4(b, t)!.position;
  return Math.hypot(pa.x - pb.x, pa.y - pb.y, pa.z - pb.z);
}

describe("satellite.js against Vallado's verification output (XM-3, 24-hour resonance)", () => {
  it('reads all 13 rows', () => expect(rows).toHaveLength(13));

  const satrec = twoline2satrec(xm3!.line1, xm3!.line2);
  it('is a deep-space resonant orbit (the integrator case)', () => {
    expect(satrec.method).toBe('d');
    expect(satrec.irez).toBe(1);
    expect(hasResonanceIntegrator(satrec)).toBe(true);
  });

  it('matches tcppver.out directly and through a cache with a node every 720 min', () => {
    const cache = buildSdp4Cache(satrec, 0, 1440, 1);
    expect(cache.forward).toHaveLength(2);
    for (const [t, x, y, z, vx, vy, vz] of rows as number[][]) {
      for (const rec of [satrec, cachedSatrec(cache, t as number)]) {
        const pv = sgp4(rec, t as number)!;
        expect(Math.abs(pv.position.x - (x as number))).toBeLessThan(VALLADO_KM);
        expect(Math.abs(pv.position.y - (y as number))).toBeLessThan(VALLADO_KM);
        expect(Math.abs(pv.position.z - (z as number))).toBeLessThan(VALLADO_KM);
        expect(Math.abs(pv.velocity.x - (vx as number))).toBeLessThan(VALLADO_KM_S);
        expect(Math.abs(pv.velocity.y - (vy as number))).toBeLessThan(VALLADO_KM_S);
        expect(Math.abs(pv.velocity.z - (vz as number))).toBeLessThan(VALLADO_KM_S);
      }
    }
  });
});

describe('integrator cache over a decade', () => {
  const geo = json2satrec(
    toOmm('GEO', {
      catalogNumber: 99010,
      epochUtcMs: Date.UTC(2030, 0, 1),
      meanMotionRevPerDay: 1.00273,
      eccentricity: 2e-4,
      inclinationDeg: 0.05,
      raanDeg: 70,
      argPerigeeDeg: 100,
      meanAnomalyDeg: 170,
      bstar: 1e-4,
    }),
  );
  const molniya = json2satrec(
    toOmm('HEO', {
      catalogNumber: 99011,
      epochUtcMs: Date.UTC(2030, 0, 1),
      meanMotionRevPerDay: 2.0057,
      eccentricity: 0.7,
      inclinationDeg: 63.4,
      raanDeg: 70,
      argPerigeeDeg: 270,
      meanAnomalyDeg: 10,
      bstar: 0,
    }),
  );
  const days = 3653;

  // The Molniya's perigee sinks under lunisolar perturbation until SGP4 reports it decayed (satrec.error 6)
  // after 1945 days: its span stops short of that.
  it.each([
    ['geostationary (irez 1)', geo, 1, days, CACHE_GEO_KM],
    ['12-hour Molniya (irez 2)', molniya, 2, 1900, CACHE_MOLNIYA_KM],
  ] as const)('%s: cached = direct SDP4, forwards and backwards', (_, satrec, irez, days, toleranceKm) => {
    expect(satrec.irez).toBe(irez);
    const cache = buildSdp4Cache(satrec, -100 * 1440, days * 1440);
    expect(cache.forward.length).toBe(Math.floor((days * 1440) / cache.spanMin));
    expect(cache.backward.length).toBe(Math.floor((100 * 1440) / cache.spanMin));
    let worst = 0;
    for (let k = 0; k <= 200; k += 1) {
      const t = -100 * 1440 + ((days + 100) * 1440 * k) / 200 + 37.3;
      worst = Math.max(worst, distanceKm(satrec, cachedSatrec(cache, t), t));
    }
    expect(worst).toBeLessThan(toleranceKm);
  });

  it('never integrates more than one node span: the node used is at most spanMin before t', () => {
    const cache = buildSdp4Cache(geo, 0, days * 1440);
    for (const t of [0, 1, 7199, 7200, 7201, 1e6, 5.2e6]) {
      const rec = cachedSatrec(cache, t);
      expect(t - rec.atime).toBeGreaterThanOrEqual(0);
      expect(t - rec.atime).toBeLessThan(cache.spanMin);
    }
    // Beyond the cache the last node is used (correct, just slower).
    expect(cachedSatrec(cache, (days + 50) * 1440).atime).toBe(cache.forward.at(-1)?.atime);
  });

  it('leaves non-resonant orbits alone', () => {
    const gps = json2satrec(
      toOmm('GPS', {
        catalogNumber: 99012,
        epochUtcMs: Date.UTC(2030, 0, 1),
        meanMotionRevPerDay: 2.0056,
        eccentricity: 0.01,
        inclinationDeg: 55,
        raanDeg: 10,
        argPerigeeDeg: 20,
        meanAnomalyDeg: 30,
        bstar: 0,
      }),
    );
    // GPS: deep space but not resonant enough for SDP4's integrator (irez 0 for e < 0.5 at 12 h).
    expect(gps.irez).toBe(0);
    expect(buildSdp4Cache(gps, 0, 1e6).forward).toHaveLength(0);
  });
});
