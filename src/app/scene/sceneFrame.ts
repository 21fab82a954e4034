/**
 * The per-canvas frame state shared by the scene's components: the displayed time, the bodies' positions at that
 * time and the render origin. Render space is heliocentric ECLIPJ2000 minus the origin, in megametres: the origin
 * is the camera's centre (its target), so everything near the camera has small coordinates and float32 keeps
 * its precision there (camera-relative rendering; OrbitControls orbits the render-space origin).
 *
 * One instance per Canvas (no module-level state). The camera rig updates it first in each frame (useFrame
 * priority -2); everything else reads it.
 */
import { BODY_SLOT, bodyPositions } from './ephemeris.ts';
import type { BodyId } from '../state/targets.ts';

export class SceneFrame {
  /** Displayed instant, TDB s past J2000 (NaN before the first frame). */
  timeTdbS = Number.NaN;
  /** Heliocentric ECLIPJ2000 positions of the bodies, Mm, at timeTdbS (see BODY_SLOT). */
  readonly bodies = new Float64Array(18);
  /** Render origin, heliocentric ECLIPJ2000, Mm. */
  readonly origin = new Float64Array(3);

  /** Move to `tdbS` (recomputes the bodies only when the time changed). Returns this. */
  setTime(tdbS: number): this {
    if (tdbS !== this.timeTdbS) {
      bodyPositions(tdbS, this.bodies);
      this.timeTdbS = tdbS;
    }
    return this;
  }

  /** Heliocentric position of a body, Mm, into out[0..2]. */
  bodyPosition(id: BodyId, out: Float64Array | number[]): void {
    const slot = BODY_SLOT[id];
    out[0] = this.bodies[slot] as number;
    out[1] = this.bodies[slot + 1] as number;
    out[2] = this.bodies[slot + 2] as number;
  }

  /** Render-space position of a body (heliocentric minus origin, float64), into a three.js vector. */
  renderPosition(id: BodyId, out: { set(x: number, y: number, z: number): unknown }): void {
    const slot = BODY_SLOT[id];
    out.set(
      (this.bodies[slot] as number) - (this.origin[0] as number),
      (this.bodies[slot + 1] as number) - (this.origin[1] as number),
      (this.bodies[slot + 2] as number) - (this.origin[2] as number),
    );
  }
}
