/**
 * The canvas is not blank, and draws things where they are: the Sun's pixels are bright, and the swarm lights
 * the pixels where the float64 CPU propagator puts its tracers (checked by rendering the same frame with the
 * swarm hidden and shown). The frame is rendered and read back synchronously through the scene handles the app
 * registers (controller.scene), so nothing else draws in between.
 */
import { expect } from 'vitest';
import { Vector3 } from 'three';
import { createWorld, isoToTdbS, loadScenario } from '../../sim/index.ts';
import { test } from './fixture.ts';

const TRACERS = 3000;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Luminance (0..255) of the brightest pixel in a (2r+1)² square around (x, y), drawing-buffer pixels, y up. */
function brightest(pixels: Uint8Array, width: number, height: number, x: number, y: number, r = 1): number {
  let best = 0;
  for (let dy = -r; dy <= r; dy += 1) {
    for (let dx = -r; dx <= r; dx += 1) {
      const px = Math.round(x) + dx;
      const py = Math.round(y) + dy;
      if (px < 0 || py < 0 || px >= width || py >= height) continue;
      const i = 4 * (py * width + px);
      const lum =
        0.2126 * (pixels[i] as number) +
        0.7152 * (pixels[i + 1] as number) +
        0.0722 * (pixels[i + 2] as number);
      best = Math.max(best, lum);
    }
  }
  return best;
}

test('the Sun and the swarm are drawn where they are', async ({ mountAt }) => {
  const app = await mountAt(`t=2050-03-01&tracers=${TRACERS}&target=sun&cam=430000,-70,32`, {
    viewport: [1000, 700],
  });
  const { controller } = app;
  // let the scene run a few frames on the loaded world (attributes uploaded, camera settled)
  for (let k = 0; k < 4; k += 1) await nextFrame();

  const handles = controller.scene;
  expect(handles).not.toBeNull();
  if (handles === null) return;
  const { gl, scene, camera, origin } = handles;
  const context = gl.getContext();
  const width = context.drawingBufferWidth;
  const height = context.drawingBufferHeight;
  const swarm = scene.getObjectByName('swarm');
  expect(swarm).toBeDefined();
  if (swarm === undefined) return;

  const read = (): Uint8Array => {
    gl.render(scene, camera);
    const pixels = new Uint8Array(4 * width * height);
    context.readPixels(0, 0, width, height, context.RGBA, context.UNSIGNED_BYTE, pixels);
    return pixels;
  };
  const toPixel = (helioMm: readonly [number, number, number]): { x: number; y: number; inside: boolean } => {
    const v = new Vector3(helioMm[0] - origin[0]!, helioMm[1] - origin[1]!, helioMm[2] - origin[2]!).project(
      camera,
    );
    return {
      x: ((v.x + 1) / 2) * width,
      y: ((v.y + 1) / 2) * height,
      inside: Math.abs(v.x) < 0.97 && Math.abs(v.y) < 0.97 && v.z < 1,
    };
  };

  // the compute-node rings are drawn on swarm tracers too: hidden with the swarm for the control frame
  const nodes = scene.getObjectByName('compute-nodes');
  const withSwarm = read();
  swarm.visible = false;
  if (nodes !== undefined) nodes.visible = false;
  const withoutSwarm = read();
  swarm.visible = true;
  if (nodes !== undefined) nodes.visible = true;

  // not blank: a good share of the frame differs from the background colour
  const background = brightest(withoutSwarm, width, height, 2, height - 60, 0);
  let lit = 0;
  for (let i = 0; i < withSwarm.length; i += 4)
    if ((withSwarm[i] as number) + (withSwarm[i + 1] as number) > 60) lit += 1;
  expect(lit, 'lit pixels').toBeGreaterThan(0.002 * width * height);

  // the Sun: its centre is near-white
  const sun = toPixel([0, 0, 0]);
  expect(brightest(withSwarm, width, height, sun.x, sun.y)).toBeGreaterThan(200);
  expect(background).toBeLessThan(40);

  // the swarm: where the CPU reference puts a tracer, the swarm adds light
  const t = isoToTdbS('2050-03-01');
  const world = createWorld(loadScenario('baseline'), { tracers: TRACERS });
  const positions = new Float64Array(3 * TRACERS);
  const onStation = world.positionsAt(t, positions);
  expect(onStation).toBe(controller.store.getState().snapshot?.values['tracerCount']);
  let checked = 0;
  let brighter = 0;
  for (let k = 0; k < onStation; k += Math.max(1, Math.floor(onStation / 300))) {
    const p = toPixel([positions[3 * k]! / 1e6, positions[3 * k + 1]! / 1e6, positions[3 * k + 2]! / 1e6]);
    if (!p.inside || Math.hypot(p.x - sun.x, p.y - sun.y) < 40) continue;
    checked += 1;
    const gain =
      brightest(withSwarm, width, height, p.x, p.y) - brightest(withoutSwarm, width, height, p.x, p.y);
    if (gain > 25) brighter += 1;
  }
  console.log(`swarm: ${brighter} of ${checked} reference positions lit (${onStation} tracers on station)`);
  expect(checked).toBeGreaterThan(100);
  expect(brighter / checked).toBeGreaterThan(0.97);

  // and a control: random pixels away from the swarm's ring are not lit by it
  let falseLit = 0;
  for (let k = 0; k < 200; k += 1) {
    const x = 5 + ((k * 97) % 60);
    const y = 5 + ((k * 53) % 60);
    if (brightest(withSwarm, width, height, x, y, 0) - brightest(withoutSwarm, width, height, x, y, 0) > 25)
      falseLit += 1;
  }
  expect(falseLit).toBe(0);
});
