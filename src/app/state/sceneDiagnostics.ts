/**
 * What the scene reports about itself: the handles it registers when its canvas is created, and what it drew in
 * its last frame. They are diagnostics, not state: never in the store (the scene writes the counts in useFrame as
 * plain fields, with no store update per frame). FrameStats publishes the tracer count to the store for the
 * System panel; the rest is read wherever the running app is inspected (the browser tests, the devtools console).
 */
import type { PerspectiveCamera, Scene, WebGLRenderer } from 'three';

/** The renderer, scene and camera of the canvas, and the render origin. */
export interface SceneHandles {
  readonly gl: WebGLRenderer;
  readonly scene: Scene;
  readonly camera: PerspectiveCamera;
  /** Current render origin, heliocentric ECLIPJ2000, Mm (render space = heliocentric - origin). */
  readonly origin: Float64Array;
}

export interface SceneDiagnostics {
  /** Null until the canvas is created. */
  scene: SceneHandles | null;
  /** Tracers the swarm drew in the last frame (on station). */
  drawnTracers: number;
  /** Compute-node markers drawn in the last frame. */
  drawnNodes: number;
  /** Link platforms (hubs, relays, rectennas) and beams drawn in the last frame. */
  drawnLinks: { platforms: number; beams: number };
  /** Mass-driver packets drawn in the last frame. */
  drawnPackets: number;
  /** Packets of collectors in heliocentric transit drawn in the last frame. */
  drawnTransit: number;
}
