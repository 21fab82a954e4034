/**
 * The sunward test (sim/geometry/sunward.ts): a point counts when it is inside the cone from the Earth's centre
 * to the solar disc (half-angle asin(R_sun / |S - E|)) and nearer than the Sun. Checked against that geometry
 * worked out by hand for points on and around the Sun-Earth line, and for the same configuration turned to
 * arbitrary orientations (the answer cannot depend on the frame).
 */
import { describe, expect, it } from 'vitest';

import { AU_M, SOLAR_RADIUS_M } from '../../sim/constants.ts';
import { isSunwardOfEarth } from '../../sim/geometry/sunward.ts';

/** Points placed 1 % inside or outside the cone's edge: far above float64 rounding, well inside any other effect. */
const EDGE_MARGIN = 0.01;

type V = [number, number, number];

/** Rotation by angle about a unit axis (Rodrigues), for turning a whole configuration. */
function rotate(v: V, axis: V, angle: number): V {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const [kx, ky, kz] = axis;
  const dot = (kx * v[0] + ky * v[1] + kz * v[2]) * (1 - c);
  return [
    v[0] * c + (ky * v[2] - kz * v[1]) * s + kx * dot,
    v[1] * c + (kz * v[0] - kx * v[2]) * s + ky * dot,
    v[2] * c + (kx * v[1] - ky * v[0]) * s + kz * dot,
  ];
}

describe('isSunwardOfEarth', () => {
  const distanceToSun = 1.0 * AU_M;
  const earth: V = [distanceToSun, 0, 0];
  const tanHalfAngle = Math.tan(Math.asin(SOLAR_RADIUS_M / distanceToSun));
  /** A point `along` m from the Earth towards the Sun, `across` m off the Sun-Earth line (in y). */
  const point = (along: number, across: number): V => [distanceToSun - along, across, 0];
  const cases: ReadonlyArray<readonly [string, V, boolean]> = [
    ['halfway to the Sun, on the line', point(0.5 * AU_M, 0), true],
    [
      'just inside the cone at 0.01 au',
      point(0.01 * AU_M, (1 - EDGE_MARGIN) * 0.01 * AU_M * tanHalfAngle),
      true,
    ],
    [
      'just outside the cone at 0.01 au',
      point(0.01 * AU_M, (1 + EDGE_MARGIN) * 0.01 * AU_M * tanHalfAngle),
      false,
    ],
    ['just inside the cone at L1 (1.5e9 m)', point(1.5e9, (1 - EDGE_MARGIN) * 1.5e9 * tanHalfAngle), true],
    ['behind the Earth', point(-1e9, 0), false],
    ['beyond the Sun', point(1.1 * AU_M, 0), false],
    ['beside the Earth, at right angles to the Sun', point(0, 1e9), false],
  ];

  it.each(cases)('%s', (_, p, expected) => {
    expect(isSunwardOfEarth(p[0], p[1], p[2], earth)).toBe(expected);
  });

  it('gives the same answers with the whole configuration turned to any orientation', () => {
    for (let k = 0; k < 20; k += 1) {
      const raw: V = [Math.sin(k + 1), Math.cos(3 * k + 2), Math.sin(5 * k + 3)];
      const norm = Math.hypot(...raw);
      const axis: V = [raw[0] / norm, raw[1] / norm, raw[2] / norm];
      const angle = 0.7 + 0.29 * k;
      const turnedEarth = rotate(earth, axis, angle);
      for (const [, p, expected] of cases) {
        const q = rotate(p, axis, angle);
        expect(isSunwardOfEarth(q[0], q[1], q[2], turnedEarth)).toBe(expected);
      }
    }
  });
});
