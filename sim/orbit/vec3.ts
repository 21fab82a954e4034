/** Small 3-vector operations shared by the placement of links, hubs and formations (plain tuples, SI). */
import type { Vec3 } from './elements.ts';

/** a x b. */
export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** v turned by `angleRad` about the unit axis k, right-handed (Rodrigues' formula). */
export function rotateAboutAxis(v: Vec3, k: Vec3, angleRad: number): Vec3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  const kxv = cross(k, v);
  const kv = (k[0] * v[0] + k[1] * v[1] + k[2] * v[2]) * (1 - c);
  return [
    v[0] * c + kxv[0] * s + k[0] * kv,
    v[1] * c + kxv[1] * s + k[1] * kv,
    v[2] * c + kxv[2] * s + k[2] * kv,
  ];
}
