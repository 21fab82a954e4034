/**
 * Frame time: the interval between consecutive rendered frames while the scene is animating (playing, or the
 * camera moving), published to the store twice a second (the panel writes it to the DOM; nothing re-renders).
 * The scene renders on demand, so a gap longer than IDLE_GAP_S is idleness, not a slow frame, and is skipped.
 * Also publishes how many tracers the swarm drew.
 */
import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { useController } from '../state/context.tsx';

const PUBLISH_INTERVAL_S = 0.5;
const IDLE_GAP_S = 1;

export function FrameStats() {
  const controller = useController();
  const acc = useRef({ seconds: 0, frames: 0, lastMs: Number.NaN });
  useFrame(() => {
    const a = acc.current;
    const now = performance.now();
    const gap = (now - a.lastMs) / 1000;
    a.lastMs = now;
    if (controller.store.getState().drawnTracers !== controller.drawnTracers) {
      controller.store.setState({ drawnTracers: controller.drawnTracers });
    }
    if (!(gap < IDLE_GAP_S)) return;
    a.seconds += gap;
    a.frames += 1;
    if (a.seconds < PUBLISH_INTERVAL_S) return;
    controller.store.setState({ frameMs: (1000 * a.seconds) / a.frames });
    a.seconds = 0;
    a.frames = 0;
  });
  return null;
}
