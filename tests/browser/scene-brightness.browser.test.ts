/**
 * The picture shows the swarm, not the tracer budget (issue 15): the same scene at 2,000 and at 200,000 tracers
 * has the same total swarm brightness, read back from the canvas (the frame rendered with the swarm shown minus
 * the same frame with it hidden), within 10 %; the old drawing, one full-intensity point per tracer, gave 100x.
 */
import { expect } from 'vitest';
import type { MountedApp } from '../../src/app/mount.tsx';
import { test } from './fixture.ts';

/** Issue 15's bound on the difference of total brightness between the two resolutions. */
const SAME_BRIGHTNESS_REL = 0.1;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Sum over the canvas of the swarm's luminance (0..255 per pixel): swarm shown minus swarm hidden. */
async function swarmLuminance(app: MountedApp): Promise<number> {
  for (let k = 0; k < 4; k += 1) await nextFrame();
  const handles = app.controller.scene;
  if (handles === null) throw new Error('no scene handles');
  const { gl, scene, camera } = handles;
  const context = gl.getContext();
  const width = context.drawingBufferWidth;
  const height = context.drawingBufferHeight;
  const swarm = scene.getObjectByName('swarm');
  const nodes = scene.getObjectByName('compute-nodes');
  if (swarm === undefined) throw new Error('no swarm object');
  const read = (): Uint8Array => {
    gl.render(scene, camera);
    const pixels = new Uint8Array(4 * width * height);
    context.readPixels(0, 0, width, height, context.RGBA, context.UNSIGNED_BYTE, pixels);
    return pixels;
  };
  if (nodes !== undefined) nodes.visible = false;
  const shown = read();
  swarm.visible = false;
  const hidden = read();
  swarm.visible = true;
  if (nodes !== undefined) nodes.visible = true;
  let sum = 0;
  for (let i = 0; i < shown.length; i += 4) {
    for (const [c, w] of [
      [0, 0.2126],
      [1, 0.7152],
      [2, 0.0722],
    ] as const) {
      sum += w * ((shown[i + c] as number) - (hidden[i + c] as number));
    }
  }
  return sum;
}

test('the swarm at 2,000 and at 200,000 tracers is as bright', async ({ mountAt }) => {
  const view = 't=2050-12-01&target=sun&cam=415000,-62,40';
  const coarse = await mountAt(`${view}&tracers=2000`, { viewport: [1000, 700] });
  const coarseLight = await swarmLuminance(coarse);
  const fine = await mountAt(`${view}&tracers=200000`, { viewport: [1000, 700] });
  const fineLight = await swarmLuminance(fine);
  expect(coarseLight).toBeGreaterThan(1000);
  expect(Math.abs(fineLight / coarseLight - 1), `${coarseLight} vs ${fineLight}`).toBeLessThan(
    SAME_BRIGHTNESS_REL,
  );
});
