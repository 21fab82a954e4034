/**
 * The inner planets' heliocentric positions (sim/geometry/planetPositions.ts), checked against astronomy-engine
 * called here on its own (HelioVector, rotated EQJ -> ECLIPJ2000 by the obliquity written out below), and against
 * JPL's mean elements (Standish, Table 1, tests/data/planet-elements/, read here): each planet's extreme distances
 * over 2030-2050 are its a (1 -+ e), and the sidereal periods are 360 deg over the mean-longitude rate.
 */
import { readFileSync } from 'node:fs';

import { AstroTime, Body, HelioVector } from 'astronomy-engine';
import { describe, expect, it } from 'vitest';

import { AU_M, OBLIQUITY_J2000_RAD, SECONDS_PER_DAY } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import { earthHeliocentricEclipticM } from '../../sim/geometry/earthPosition.ts';
import {
  PLANET_IDS,
  SIDEREAL_PERIOD_DAYS,
  planetHeliocentricEclipticM,
  type PlanetId,
} from '../../sim/geometry/planetPositions.ts';
import { isoToTdbS, tdbSToTtS } from '../../sim/time.ts';

const FROM = isoToTdbS('2030-01-01');
const TO = isoToTdbS('2051-01-01');
const BODIES: Readonly<Record<PlanetId, Body>> = {
  mercury: Body.Mercury,
  venus: Body.Venus,
  earth: Body.Earth,
  mars: Body.Mars,
};
const TABLE_NAMES: Readonly<Record<PlanetId, string>> = {
  mercury: 'Mercury',
  venus: 'Venus',
  earth: 'EM Bary',
  mars: 'Mars',
};

/** Same library, same time, same rotation written independently: float64 rounding (1e-16 of 2.5e11 m). */
const SAME_SERIES_M = 1e-4;
/**
 * Extreme distances over 2030-2050 against a (1 -+ e) of Table 1 at 2040, m, per planet: the other planets'
 * pull moves the real perihelion and aphelion off the mean ellipse's (Jupiter on Mars most), and the Earth swings
 * 4,670 km about the Earth-Moon barycentre the table describes. Just above the observed: Mercury 1.7e6 m,
 * Venus 4.4e6 m, the Earth 9.3e6 m, Mars 39.3e6 m.
 */
const EXTREME_DISTANCE_M: Readonly<Record<PlanetId, number>> = {
  mercury: 2e6,
  venus: 5e6,
  earth: 10e6,
  mars: 45e6,
};
/**
 * Sidereal period against 360 deg / (Table 1's mean-longitude rate): the module's periods are given to 0.001 day
 * (Mars to 0.01), so half of that, plus the rate's own rounding (below 1e-7 day).
 */
const PERIOD_DAYS: Readonly<Record<PlanetId, number>> = {
  mercury: 5e-4,
  venus: 5e-4,
  earth: 5e-4,
  mars: 5e-3,
};

interface MeanElements {
  readonly a: number;
  readonly aRate: number;
  readonly e: number;
  readonly eRate: number;
  readonly longitudeRateDegPerCentury: number;
}

/** Table 1 rows by name: the elements row and its rates row (see the data README). */
function readTable(): Map<string, MeanElements> {
  const text = readFileSync(new URL('../data/planet-elements/p_elem_t1.txt', import.meta.url), 'utf8');
  const lines = text.split('\n');
  const out = new Map<string, MeanElements>();
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const match = /^(Mercury|Venus|EM Bary|Mars)\s+(.*)$/.exec(lines[i]!);
    if (match === null) continue;
    const values = match[2]!.trim().split(/\s+/).map(Number);
    const rates = lines[i + 1]!.trim().split(/\s+/).map(Number);
    out.set(match[1]!, {
      a: values[0]!,
      aRate: rates[0]!,
      e: values[1]!,
      eRate: rates[1]!,
      longitudeRateDegPerCentury: rates[3]!,
    });
  }
  return out;
}

const TABLE = readTable();

describe('planet positions', () => {
  it('read all four planets from Table 1', () => {
    expect([...TABLE.keys()].sort()).toEqual(['EM Bary', 'Mars', 'Mercury', 'Venus']);
  });

  it('are astronomy-engine HelioVector at the TT of the instant, rotated into ECLIPJ2000', () => {
    const c = Math.cos(OBLIQUITY_J2000_RAD);
    const s = Math.sin(OBLIQUITY_J2000_RAD);
    for (const id of PLANET_IDS) {
      for (let t = FROM; t < TO; t += 113.3 * SECONDS_PER_DAY) {
        const v = HelioVector(BODIES[id], AstroTime.FromTerrestrialTime(tdbSToTtS(t) / SECONDS_PER_DAY));
        const theirs = [v.x * AU_M, (c * v.y + s * v.z) * AU_M, (-s * v.y + c * v.z) * AU_M];
        const ours = planetHeliocentricEclipticM(id, t);
        for (let k = 0; k < 3; k += 1) expect(Math.abs(ours[k]! - theirs[k]!)).toBeLessThan(SAME_SERIES_M);
      }
    }
  });

  it("give the Earth exactly earthHeliocentricEclipticM's position", () => {
    for (let t = FROM; t < TO; t += 211.1 * SECONDS_PER_DAY) {
      expect(planetHeliocentricEclipticM('earth', t)).toEqual(earthHeliocentricEclipticM(t));
    }
  });

  it.each(PLANET_IDS)('%s: perihelion and aphelion distances are those of the mean ellipse', (id) => {
    const el = TABLE.get(TABLE_NAMES[id])!;
    const centuries = 0.4; // 2040, the middle of the span
    const a = (el.a + el.aRate * centuries) * AU_M;
    const e = el.e + el.eRate * centuries;
    let min = Infinity;
    let max = 0;
    for (let t = FROM; t < TO; t += 0.5 * SECONDS_PER_DAY) {
      const r = Math.hypot(...planetHeliocentricEclipticM(id, t));
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    expect(Math.abs(min - a * (1 - e))).toBeLessThan(EXTREME_DISTANCE_M[id]);
    expect(Math.abs(max - a * (1 + e))).toBeLessThan(EXTREME_DISTANCE_M[id]);
  });

  it.each(PLANET_IDS)('%s: the sidereal period is 360 deg over the mean-longitude rate', (id) => {
    const rate = TABLE.get(TABLE_NAMES[id])!.longitudeRateDegPerCentury;
    expect(Math.abs(SIDEREAL_PERIOD_DAYS[id] - (360 / rate) * 36_525)).toBeLessThan(PERIOD_DAYS[id]);
  });

  it('refuses an unknown planet and a non-finite time', () => {
    expect(() => planetHeliocentricEclipticM('pluto' as PlanetId, 0)).toThrow(InputError);
    expect(() => planetHeliocentricEclipticM('mars', Number.NaN)).toThrow(/tdbS/);
  });
});
