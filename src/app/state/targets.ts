/**
 * What the camera can be centred on: the Sun, the planets drawn, the Moon, or an orbit shell of the scenario.
 * Radii are the IAU 2015 nominal values (Sun, Earth) and mean radii from the IAU WGCCRE 2015 report (others).
 * Lengths in megametres (Mm = 1e6 m), the scene's render unit.
 */
export const BODY_IDS = ['sun', 'mercury', 'venus', 'earth', 'moon', 'mars'] as const;
export type BodyId = (typeof BODY_IDS)[number];
export type ShellTarget = `shell:${string}`;
export type TargetId = BodyId | ShellTarget;

export interface BodyInfo {
  readonly id: BodyId;
  readonly label: string;
  /** Mean (or nominal equatorial) radius, Mm. */
  readonly radiusMm: number;
  /** sRGB colour of the body and its marker. */
  readonly color: string;
  /** Camera distance when jumping to it, Mm. */
  readonly viewDistanceMm: number;
}

export const BODIES: Readonly<Record<BodyId, BodyInfo>> = {
  sun: { id: 'sun', label: 'Sun', radiusMm: 695.7, color: '#ffe9b0', viewDistanceMm: 4.3e5 },
  mercury: { id: 'mercury', label: 'Mercury', radiusMm: 2.4397, color: '#a39a92', viewDistanceMm: 30 },
  venus: { id: 'venus', label: 'Venus', radiusMm: 6.0518, color: '#e6cf96', viewDistanceMm: 60 },
  earth: { id: 'earth', label: 'Earth', radiusMm: 6.3781, color: '#4f8fe0', viewDistanceMm: 1400 },
  moon: { id: 'moon', label: 'Moon', radiusMm: 1.7374, color: '#b8b8b8', viewDistanceMm: 25 },
  mars: { id: 'mars', label: 'Mars', radiusMm: 3.3895, color: '#d0683e', viewDistanceMm: 40 },
};

/** Farthest the camera may go from its centre, Mm (about 8 au). */
export const MAX_CAMERA_DISTANCE_MM = 1.2e6;

export function isBodyId(value: string): value is BodyId {
  return (BODY_IDS as readonly string[]).includes(value);
}

export function shellTarget(name: string): ShellTarget {
  return `shell:${name}`;
}

/** The shell name of a shell target, or null for a body. */
export function shellOf(target: TargetId): string | null {
  return target.startsWith('shell:') ? target.slice('shell:'.length) : null;
}

export function parseTarget(text: string | null): TargetId | null {
  if (text === null) return null;
  if (isBodyId(text)) return text;
  if (text.startsWith('shell:') && text.length > 'shell:'.length) return text as ShellTarget;
  return null;
}

/** Closest the camera may come to a target's centre, Mm: just outside the body (the Sun for shells). */
export function minDistanceMm(target: TargetId): number {
  const body = isBodyId(target) ? BODIES[target] : BODIES.sun;
  return body.radiusMm * 1.3;
}

/** Human name of a target. */
export function targetLabel(target: TargetId): string {
  const shell = shellOf(target);
  return shell === null ? BODIES[target as BodyId].label : `Shell ${shell}`;
}
