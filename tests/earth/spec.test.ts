// The earth section in two steps: the scenario's SI spec (resolved once) and the segment a world builds for its
// span. The spec keeps element sets as text, so worlds built from one scenario never share a satrec that
// satellite.js mutates while it propagates (its deep-space resonance state).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { buildEarthSegment, earthSchema, earthSegmentAt, resolveEarthSpec } from '../../sim/earth/index.ts';
import { isoToTdbS } from '../../sim/time.ts';

const section = (
  JSON.parse(
    readFileSync(fileURLToPath(new URL('../../assets/scenarios/baseline.json', import.meta.url)), 'utf8'),
  ) as { earth: unknown }
).earth;

describe('resolveEarthSpec and buildEarthSegment', () => {
  const spec = resolveEarthSpec(earthSchema.parse(section));
  const span = { fromTdbS: isoToTdbS('2030-01-01'), toTdbS: isoToTdbS('2040-12-31') };

  it('converts once to SI: slots in rad, launch + commissioning in TDB s, the eclipse step in s', () => {
    const parsed = earthSchema.parse(section);
    spec.satellites.forEach((sat, k) => {
      const file = parsed.satellites[k]!;
      expect(sat.name).toBe(file.name);
      if (file.slot !== undefined && sat.orbit.kind === 'slot') {
        expect(sat.orbit.longitudeRad).toBe((file.slot.longitudeDeg * Math.PI) / 180);
      }
      if (file.launch !== undefined) {
        expect(sat.inServiceTdbS - isoToTdbS(file.launch)).toBe(file.commissioningDays * 86_400);
      }
    });
    expect(spec.eclipseResolutionS).toBeGreaterThan(0);
  });

  it('two segments built from one spec agree bit for bit, whatever one of them propagated first', () => {
    const first = buildEarthSegment(spec, span);
    // Drive the first segment far ahead, then compare both at an earlier instant.
    earthSegmentAt(first, isoToTdbS('2040-06-01'));
    const second = buildEarthSegment(spec, span);
    const t = isoToTdbS('2036-03-20T12:00:00Z');
    expect(earthSegmentAt(first, t)).toEqual(earthSegmentAt(second, t));
  });
});
