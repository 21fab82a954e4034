import { eciToGeodetic, gstime, sgp4 } from 'satellite.js';
import { describe, expect, it } from 'vitest';

import { generateGeoElementSet, subSatelliteLongitudeRad } from '../../sim/earth/index.ts';
import { DEG } from './helpers.ts';

/**
 * A generated slot holds its longitude over the station-keeping cycle to this, deg. Observed: 0.0043 deg at
 * 105 W (the cycle's drift parabola, centred on the slot); the ITU Radio Regulations (No. 22.7) allow 0.1 deg.
 */
const SLOT_HOLD_DEG = 0.006;
/** Latitude excursion over a 7-day cycle from a zero-inclination start, deg (observed 0.023 deg: the Sun and Moon). */
const LATITUDE_DEG = 0.03;

const wrap = (deg: number): number => ((((deg + 180) % 360) + 360) % 360) - 180;

describe('element sets generated for a geostationary slot', () => {
  const cases = [
    { slotDeg: -118.4, epoch: Date.UTC(2038, 5, 1) },
    { slotDeg: -2.4, epoch: Date.UTC(2032, 0, 1) },
    { slotDeg: 75, epoch: Date.UTC(2035, 2, 20) }, // near a stable point of the triaxial Earth
    { slotDeg: -105, epoch: Date.UTC(2031, 8, 23) }, // the other one
    { slotDeg: 160, epoch: Date.UTC(2036, 11, 21) },
  ];

  it.each(cases)('slot $slotDeg deg: holds the slot over a 7-day cycle', ({ slotDeg, epoch }) => {
    const cycleMin = 7 * 1440;
    const set = generateGeoElementSet({
      name: 'T',
      catalogNumber: 99020,
      epochUtcMs: epoch,
      longitudeRad: slotDeg * DEG,
      inclinationRad: 0,
      cycleMin,
    });
    expect(set.iterations).toBeLessThanOrEqual(4);
    expect(set.satrec.method).toBe('d');
    expect(set.satrec.irez).toBe(1);
    expect(set.elements.meanMotionRevPerDay).toBeGreaterThan(1.0026);
    expect(set.elements.meanMotionRevPerDay).toBeLessThan(1.0028);
    let worstLon = 0;
    let worstLat = 0;
    for (let t = 0; t <= cycleMin; t += 60) {
      const lon = subSatelliteLongitudeRad(set.satrec, t) as number;
      worstLon = Math.max(worstLon, Math.abs(wrap(lon / DEG - slotDeg)));
      const pv = sgp4(set.satrec, t)!;
      const geodetic = eciToGeodetic(pv.position, gstime(set.satrec.jdsatepoch + t / 1440));
      worstLat = Math.max(worstLat, Math.abs(geodetic.latitude / DEG));
      // Geostationary height, km (a = 42 164 km; SGP4's short-period J2 terms move it by a few km).
      expect(geodetic.height).toBeGreaterThan(35_770);
      expect(geodetic.height).toBeLessThan(35_800);
    }
    expect(worstLon).toBeLessThan(SLOT_HOLD_DEG);
    expect(worstLat).toBeLessThan(LATITUDE_DEG);
  });

  it('keeps a requested inclination', () => {
    const set = generateGeoElementSet({
      name: 'T',
      catalogNumber: 99021,
      epochUtcMs: Date.UTC(2033, 0, 1),
      longitudeRad: 10 * DEG,
      inclinationRad: 2 * DEG,
      cycleMin: 7 * 1440,
    });
    let maxLat = 0;
    for (let t = 0; t <= 1440; t += 30) {
      const pv = sgp4(set.satrec, t)!;
      maxLat = Math.max(
        maxLat,
        Math.abs(eciToGeodetic(pv.position, gstime(set.satrec.jdsatepoch + t / 1440)).latitude),
      );
    }
    expect(maxLat / DEG).toBeGreaterThan(1.97);
    expect(maxLat / DEG).toBeLessThan(2.03);
  });
});
