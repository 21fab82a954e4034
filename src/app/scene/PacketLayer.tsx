/**
 * A layer of glowing packets whose positions a layout function writes every frame from the store (the mass
 * driver's stream, the collectors in transit). It owns its sprite and buffers; the layout and the report of how many
 * were drawn are read through refs, so callers may pass fresh closures on every render.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { useController } from '../state/context.tsx';
import type { AppState } from '../state/store.ts';
import { createGlowPoints } from './glowDrawables.ts';
import { createGlowTexture } from './glowTexture.ts';

export interface PacketLayerProps {
  readonly name: string;
  /** Most packets drawn. */
  readonly capacity: number;
  /** Sprite diameter, CSS pixels. */
  readonly sizePx: number;
  /**
   * Write render-space positions (Mm) and linear RGB colours for the state's current world and snapshot (which
   * belong together), return how many were written.
   */
  readonly layout: (state: AppState, position: Float32Array, color: Float32Array) => number;
  /** Told how many packets the frame drew (a diagnostic: state/sceneDiagnostics.ts). */
  readonly report: (drawn: number) => void;
}

export function PacketLayer({ name, capacity, sizePx, layout, report }: PacketLayerProps) {
  const { store } = useController();
  const objects = useMemo(() => {
    const glow = createGlowTexture(64);
    return { glow, packets: createGlowPoints(name, capacity, sizePx, glow) };
  }, [name, capacity, sizePx]);
  const callbacks = useRef({ layout, report });
  callbacks.current = { layout, report };

  useEffect(
    () => () => {
      objects.glow.dispose();
      objects.packets.dispose();
    },
    [objects],
  );

  useFrame(() => {
    const state = store.getState();
    const { world, snapshot } = state;
    const { packets } = objects;
    const drawn =
      world === null || snapshot === null || snapshot.worldSeq !== world.worldSeq
        ? 0
        : callbacks.current.layout(state, packets.position, packets.color);
    packets.commit(drawn);
    callbacks.current.report(drawn);
  }, -1);

  return <primitive object={objects.packets.object} />;
}
