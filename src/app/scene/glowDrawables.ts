/**
 * The scene's small dynamic drawables, built one way: glowing points (platforms, packets, satellites) and light
 * lines (beams), each with preallocated float32 position and colour buffers that a useFrame callback fills and
 * publishes with `commit(count)`. Additive blending, no depth writes and no tone mapping: they are light sources
 * over the dark sky. Frustum culling is off (their positions change every frame) and the draw range starts empty,
 * so an object with nothing to show stays in the scene and its shader is compiled at load, not mid-play.
 */
import {
  AdditiveBlending,
  BufferAttribute,
  BufferGeometry,
  LineBasicMaterial,
  LineSegments,
  Points,
  PointsMaterial,
  type Texture,
} from 'three';

/** What a component fills each frame: the buffers, then commit(count of points or of line segments). */
export interface GlowDrawable<T extends Points | LineSegments> {
  readonly object: T;
  /** xyz per vertex, render space (Mm). */
  readonly position: Float32Array;
  /** Linear RGB per vertex, brightness included. */
  readonly color: Float32Array;
  /** Draw the first `count` items (points, or segments of two vertices) and upload the buffers. */
  commit(count: number): void;
  dispose(): void;
}

function geometryOf(vertices: number): {
  geometry: BufferGeometry;
  position: BufferAttribute;
  color: BufferAttribute;
} {
  const geometry = new BufferGeometry();
  const position = new BufferAttribute(new Float32Array(3 * vertices), 3);
  const color = new BufferAttribute(new Float32Array(3 * vertices), 3);
  geometry.setAttribute('position', position);
  geometry.setAttribute('color', color);
  geometry.setDrawRange(0, 0);
  return { geometry, position, color };
}

const LIGHT = {
  vertexColors: true,
  transparent: true,
  depthWrite: false,
  blending: AdditiveBlending,
  toneMapped: false,
} as const;

/** The drawable around an object whose geometry came from geometryOf; `perItem` vertices per item. */
function drawable<T extends Points | LineSegments>(
  object: T,
  parts: ReturnType<typeof geometryOf>,
  perItem: number,
): GlowDrawable<T> {
  const { geometry, position, color } = parts;
  object.frustumCulled = false;
  return {
    object,
    position: position.array as Float32Array,
    color: color.array as Float32Array,
    commit(count: number): void {
      geometry.setDrawRange(0, perItem * count);
      position.needsUpdate = count > 0;
      color.needsUpdate = count > 0;
    },
    dispose(): void {
      geometry.dispose();
      (object.material as PointsMaterial | LineBasicMaterial).dispose();
    },
  };
}

/** Up to `capacity` points of `sizePx` CSS pixels, each drawn with the `glow` sprite. */
export function createGlowPoints(
  name: string,
  capacity: number,
  sizePx: number,
  glow: Texture,
): GlowDrawable<Points> {
  const parts = geometryOf(capacity);
  const object = new Points(
    parts.geometry,
    new PointsMaterial({ ...LIGHT, size: sizePx, sizeAttenuation: false, map: glow }),
  );
  object.name = name;
  return drawable(object, parts, 1);
}

/** Up to `capacity` line segments (two vertices each), one pixel wide. */
export function createLightLines(name: string, capacity: number): GlowDrawable<LineSegments> {
  const parts = geometryOf(2 * capacity);
  const object = new LineSegments(parts.geometry, new LineBasicMaterial(LIGHT));
  object.name = name;
  return drawable(object, parts, 2);
}
