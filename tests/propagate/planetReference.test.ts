/**
 * Independent reference: the Earth-Moon barycentre and Mars, propagated by propagateCpu64 from Standish's mean
 * elements (JPL/SSD, "Keplerian Elements for Approximate Positions of the Major Planets", Table 1, valid
 * 1800-2050; tests/data/planet-elements/), compared with astronomy-engine (VSOP87-based) at 2030-01-01,
 * 2040-01-01 and 2050-01-01 (0h UTC), and monthly over 2030-2050.
 *
 * Standish's procedure (aprx_pos_planets.pdf): each element is x0 + x' T with T = (JD_TDB - 2451545) / 36525;
 * ω = ϖ - Ω, M = L - ϖ; then a Kepler ellipse in the J2000 ecliptic. Here each body and date is one tracer: the slow
 * elements (a, e, I, Ω, ω) are Standish's values at that date and the mean anomaly is carried by the propagator
 * itself from J2000 (M0 = L0 - ϖ0 at epoch 0, n = L' - ϖ' per century), so the tracer reaches exactly Standish's M
 * at the date through propagateCpu64 (time arithmetic, Kepler solver and rotation all exercised). Its
 * mu_eff = n^2 a^3 is that of the mean elements, not GM_sun: Standish's rates absorb planetary perturbations.
 *
 * Two checks:
 * 1. Implementation: propagateCpu64 reproduces a literal, independent transcription of Standish's steps 1-5 (in
 *    degrees, with his own Kepler iteration) to IMPLEMENTATION_TOLERANCE_M.
 * 2. Physics/frames/time scales: the positions agree with astronomy-engine within the errors JPL states for Table 1
 *    ("Approximate Errors", 1800-2050, heliocentric longitude / latitude / distance):
 *        Earth-Moon barycentre  20"  8"   6 000 km
 *        Mars                   40"  2"  25 000 km
 *    converted to distances at the body's heliocentric distance r (x arcsec -> r x / 206 264.8), times
 *    NOMINAL_ERROR_FACTOR. JPL calls these figures approximate and they are not strict maxima: against
 *    astronomy-engine, Table 1 reaches 98" (Mars longitude, mid-2005), 3.5" (Mars latitude), 40 000 km (Mars
 *    distance), 26" / 10" / 8 100 km (barycentre) over 1800-2050, i.e. up to 2.45 times the stated figure. That is
 *    the table, not astronomy-engine: for Mars on 2035-09-30 astronomy-engine agrees with a published JPL Horizons
 *    (DE) vector to 2.6" while Table 1 is 36" off. So the bound is the stated error times 2.5, which covers the
 *    whole validity interval. astronomy-engine's own error (a few arcsec at most) and the 0.042" obliquity
 *    difference between its ecliptic and ours (frames.ts) are inside that margin.
 * The Earth itself (not the barycentre) is compared too, with the Earth-barycentre offset added to the bound: the
 * barycentre is r_moon GM_moon / (GM_earth + GM_moon) from the geocentre, at most 406 700 km x 0.01215 = 4 942 km.
 * Time: dates are UTC, converted to TDB by sim/time.ts; astronomy-engine is given TT (AstroTime.FromTerrestrialTime),
 * not UT, so its Delta T model plays no part.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { AstroTime, Body, HelioVector } from 'astronomy-engine';
import { describe, expect, it } from 'vitest';

import { AU_M, SECONDS_PER_DAY } from '../../sim/constants.ts';
import type { KeplerElements, Vec3 } from '../../sim/orbit/elements.ts';
import { equatorialToEcliptic } from '../../sim/orbit/frames.ts';
import {
  createTracerTable,
  propagateCpu64,
  setTracer,
  validateTracerTable,
} from '../../sim/propagate/index.ts';
import type { TracerTable } from '../../sim/propagate/index.ts';
import { isoToTdbS, tdbSToTtS } from '../../sim/time.ts';

const DEG = Math.PI / 180;
const ARCSEC = DEG / 3600;
const SECONDS_PER_JULIAN_CENTURY = 36_525 * SECONDS_PER_DAY;

/** JPL's stated ("approximate") 1800-2050 errors of Table 1: heliocentric longitude, latitude (arcsec), distance (m). */
const STATED_ERRORS = {
  'EM Bary': { longitudeArcsec: 20, latitudeArcsec: 8, distanceM: 6_000e3 },
  Mars: { longitudeArcsec: 40, latitudeArcsec: 2, distanceM: 25_000e3 },
} as const;
type BodyName = keyof typeof STATED_ERRORS;

/** Measured worst case over 1800-2050 is 2.45 x the stated figure (Mars longitude); see the header. */
const NOMINAL_ERROR_FACTOR = 2.5;

/** Largest distance between the Earth's centre and the Earth-Moon barycentre, m (lunar apogee 406 700 km). */
const EARTH_BARYCENTRE_OFFSET_MAX_M = 406_700e3 * 0.01215;

/**
 * propagateCpu64 vs the literal transcription of Standish's formulae, m: 0.1 m at 1.5 au is 4e-13 relative. The
 * two differ only in rounding (observed 3-11 mm: M0 + n t vs L(T) - ϖ(T) with |M| ~ 100 rad).
 */
const IMPLEMENTATION_TOLERANCE_M = 0.1;

const DATES = ['2030-01-01', '2040-01-01', '2050-01-01'] as const;
const BODIES: readonly BodyName[] = ['EM Bary', 'Mars'];

interface Row {
  value: number[];
  rate: number[];
}

function readTable1(): Map<string, Row> {
  const path = fileURLToPath(new URL('../data/planet-elements/p_elem_t1.txt', import.meta.url));
  const lines = readFileSync(path, 'utf8').split('\n');
  const rows = new Map<string, Row>();
  const numberPattern = /-?\d+\.\d+/g;
  for (let k = 0; k < lines.length - 1; k += 1) {
    const line = lines[k] as string;
    const name = /^([A-Z][A-Za-z ]*?)\s+-?\d+\.\d+/.exec(line)?.[1];
    if (name === undefined) continue;
    const value = (line.match(numberPattern) ?? []).map(Number);
    const rate = ((lines[k + 1] as string).match(numberPattern) ?? []).map(Number);
    if (value.length !== 6 || rate.length !== 6) throw new Error(`malformed row for ${name}`);
    rows.set(name, { value, rate });
  }
  return rows;
}

const TABLE1 = readTable1();

function row(name: BodyName): Row {
  const r = TABLE1.get(name);
  if (r === undefined) throw new Error(`${name} missing from p_elem_t1.txt`);
  return r;
}

/** Standish's element i (a, e, I, L, ϖ, Ω order) at T centuries. */
function elementAt(r: Row, i: number, T: number): number {
  return (r.value[i] as number) + (r.rate[i] as number) * T;
}

/** One tracer per (body, time): slow elements at the time, mean anomaly propagated from J2000 by the propagator. */
function standishTable(bodies: readonly BodyName[], times: readonly number[]): TracerTable {
  const t = createTracerTable(bodies.length * times.length);
  bodies.forEach((name, b) => {
    const r = row(name);
    times.forEach((tdbS, d) => {
      const T = tdbS / SECONDS_PER_JULIAN_CENTURY;
      const a = elementAt(r, 0, T) * AU_M;
      let inclinationRad = elementAt(r, 2, T) * DEG;
      let ascendingNodeRad = elementAt(r, 5, T) * DEG;
      let argPeriapsisRad = (elementAt(r, 4, T) - elementAt(r, 5, T)) * DEG;
      if (inclinationRad < 0) {
        // EM Bary's I is a hair below 0: the same plane and motion as I' = -I with Ω and ω turned by π.
        inclinationRad = -inclinationRad;
        ascendingNodeRad += Math.PI;
        argPeriapsisRad += Math.PI;
      }
      const el: KeplerElements = {
        semiMajorAxisM: a,
        eccentricity: elementAt(r, 1, T),
        inclinationRad,
        ascendingNodeRad,
        argPeriapsisRad,
        meanAnomalyRad: ((r.value[3] as number) - (r.value[4] as number)) * DEG,
      };
      const n = (((r.rate[3] as number) - (r.rate[4] as number)) * DEG) / SECONDS_PER_JULIAN_CENTURY;
      setTracer(t, b * times.length + d, el, 0, n * n * a * a * a, 1, 0, b);
    });
  });
  validateTracerTable(t);
  return t;
}

/** Literal transcription of aprx_pos_planets.pdf steps 1-5 (angles in degrees), heliocentric ECLIPJ2000, m. */
function standishDirect(name: BodyName, tdbS: number): Vec3 {
  const r = row(name);
  const T = tdbS / SECONDS_PER_JULIAN_CENTURY;
  const [a, e, I, L, varpi, node] = [0, 1, 2, 3, 4, 5].map((i) => elementAt(r, i, T)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const omega = varpi - node;
  let M = (L - varpi) % 360;
  if (M > 180) M -= 360;
  if (M < -180) M += 360;
  const eStar = e / DEG;
  let E = M + eStar * Math.sin(M * DEG);
  for (let k = 0; k < 100; k += 1) {
    const dM = M - (E - eStar * Math.sin(E * DEG));
    const dE = dM / (1 - e * Math.cos(E * DEG));
    E += dE;
    if (Math.abs(dE) <= 1e-13) break;
  }
  const xp = a * (Math.cos(E * DEG) - e);
  const yp = a * Math.sqrt(1 - e * e) * Math.sin(E * DEG);
  const [cw, sw, cO, sO, cI, sI] = [
    Math.cos(omega * DEG),
    Math.sin(omega * DEG),
    Math.cos(node * DEG),
    Math.sin(node * DEG),
    Math.cos(I * DEG),
    Math.sin(I * DEG),
  ];
  return [
    ((cw * cO - sw * sO * cI) * xp + (-sw * cO - cw * sO * cI) * yp) * AU_M,
    ((cw * sO + sw * cO * cI) * xp + (-sw * sO + cw * cO * cI) * yp) * AU_M,
    (sw * sI * xp + cw * sI * yp) * AU_M,
  ];
}

function astronomyEngineM(body: Body, tdbS: number): Vec3 {
  const v = HelioVector(body, AstroTime.FromTerrestrialTime(tdbSToTtS(tdbS) / SECONDS_PER_DAY));
  return equatorialToEcliptic([v.x * AU_M, v.y * AU_M, v.z * AU_M]);
}

function rowOf(out: Float64Array, k: number): Vec3 {
  return [out[3 * k] as number, out[3 * k + 1] as number, out[3 * k + 2] as number];
}

/** Differences in heliocentric longitude and latitude (as distances at the reference's r) and distance, m. */
function errorComponents(ours: Vec3, ref: Vec3): { alongM: number; acrossM: number; radialM: number } {
  const r = Math.hypot(...ref);
  const lat = (v: Vec3): number => Math.atan2(v[2], Math.hypot(v[0], v[1]));
  const dLon = Math.atan2(ours[1], ours[0]) - Math.atan2(ref[1], ref[0]);
  return {
    alongM: Math.abs(Math.atan2(Math.sin(dLon), Math.cos(dLon))) * Math.cos(lat(ref)) * r,
    acrossM: Math.abs(lat(ours) - lat(ref)) * r,
    radialM: Math.abs(Math.hypot(...ours) - r),
  };
}

function bounds(name: BodyName, rM: number): { alongM: number; acrossM: number; radialM: number } {
  const s = STATED_ERRORS[name];
  return {
    alongM: NOMINAL_ERROR_FACTOR * s.longitudeArcsec * ARCSEC * rM,
    acrossM: NOMINAL_ERROR_FACTOR * s.latitudeArcsec * ARCSEC * rM,
    radialM: NOMINAL_ERROR_FACTOR * s.distanceM,
  };
}

function distance(p: Vec3, q: Vec3): number {
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('Standish Table 1 mean elements through propagateCpu64', () => {
  it('reads the whole table (guard against silently skipped rows)', () => {
    expect(TABLE1.size).toBe(9);
    expect(TABLE1.has('EM Bary')).toBe(true);
    expect(TABLE1.has('Mars')).toBe(true);
    expect(row('Mars').value[0]).toBe(1.52371034);
  });

  const times = DATES.map((d) => isoToTdbS(d));
  const table = standishTable(BODIES, times);

  BODIES.forEach((name, b) => {
    times.forEach((tdbS, d) => {
      const k = b * times.length + d;

      it(`${name} at ${DATES[d]}: reproduces Standish's formulae to ${IMPLEMENTATION_TOLERANCE_M} m`, () => {
        const out = new Float64Array(3 * table.count);
        propagateCpu64(table, tdbS, out);
        expect(distance(rowOf(out, k), standishDirect(name, tdbS))).toBeLessThan(IMPLEMENTATION_TOLERANCE_M);
      });

      it(`${name} at ${DATES[d]}: agrees with astronomy-engine within the stated error`, () => {
        const out = new Float64Array(3 * table.count);
        propagateCpu64(table, tdbS, out);
        const ours = rowOf(out, k);
        const ref = astronomyEngineM(name === 'Mars' ? Body.Mars : Body.EMB, tdbS);
        const err = errorComponents(ours, ref);
        const bound = bounds(name, Math.hypot(...ref));
        expect(err.alongM).toBeLessThan(bound.alongM);
        expect(err.acrossM).toBeLessThan(bound.acrossM);
        expect(err.radialM).toBeLessThan(bound.radialM);
        if (name === 'EM Bary') {
          const earth = astronomyEngineM(Body.Earth, tdbS);
          const total = Math.hypot(bound.alongM, bound.acrossM, bound.radialM);
          expect(distance(ours, earth)).toBeLessThan(total + EARTH_BARYCENTRE_OFFSET_MAX_M);
        }
      });
    });
  });

  it('stays within the stated error monthly over 2030-2050', () => {
    const monthly: number[] = [];
    for (let year = 2030; year <= 2050; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        monthly.push(isoToTdbS(`${year}-${String(month).padStart(2, '0')}-01`));
      }
    }
    const out = new Float64Array(3 * BODIES.length);
    for (const tdbS of monthly) {
      propagateCpu64(standishTable(BODIES, [tdbS]), tdbS, out);
      BODIES.forEach((name, b) => {
        const ref = astronomyEngineM(name === 'Mars' ? Body.Mars : Body.EMB, tdbS);
        const err = errorComponents(rowOf(out, b), ref);
        const bound = bounds(name, Math.hypot(...ref));
        expect(err.alongM).toBeLessThan(bound.alongM);
        expect(err.acrossM).toBeLessThan(bound.acrossM);
        expect(err.radialM).toBeLessThan(bound.radialM);
      });
    }
  });
});
