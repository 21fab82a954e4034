/**
 * The 3D view: a react-three-fiber Canvas with a logarithmic depth buffer (from a few km to hundreds of au in one
 * depth range), render units of megametres, ecliptic north up, and camera-relative placement (sceneFrame.ts).
 *
 * Frames are drawn on demand: when the displayed time, the world, the colouring or the camera change (and while
 * the camera glides or its damping settles). A paused, untouched view costs nothing.
 */
import { Canvas, useThree, type RootState } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { useController } from '../state/context.tsx';
import { Bodies } from './Bodies.tsx';
import { CameraRig } from './CameraRig.tsx';
import { EarthSegment } from './EarthSegment.tsx';
import { FrameStats } from './FrameStats.tsx';
import { LabelProjector } from './LabelProjector.tsx';
import { MassDriverStreams } from './MassDriverStreams.tsx';
import { Orbits } from './Orbits.tsx';
import { ObjectLabelProjector } from './ObjectLabelProjector.tsx';
import { Picker } from './Picker.tsx';
import { PowerLinks } from './PowerLinks.tsx';
import { SceneFrame } from './sceneFrame.ts';
import { ShellBands } from './ShellBands.tsx';
import { Stars } from './Stars.tsx';
import { Swarm } from './Swarm.tsx';
import { TransitPackets } from './TransitPackets.tsx';

/** What WebGL says it runs on (the unmasked renderer where the browser exposes it). */
function describeRenderer(state: RootState): { api: string; renderer: string } {
  const context = state.gl.getContext();
  const api = state.gl.capabilities.isWebGL2 ? 'WebGL 2' : 'WebGL 1';
  const debug = context.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    debug === null
      ? context.getParameter(context.RENDERER)
      : context.getParameter(debug.UNMASKED_RENDERER_WEBGL),
  );
  return { api, renderer };
}

/** Asks for a frame whenever the store changes something the scene shows. */
function Invalidator() {
  const { store } = useController();
  const invalidate = useThree((state) => state.invalidate);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (
          state.timeTdbS !== previous.timeTdbS ||
          state.world !== previous.world ||
          state.snapshot?.earth !== previous.snapshot?.earth ||
          state.snapshot?.links !== previous.snapshot?.links ||
          state.snapshot?.streams !== previous.snapshot?.streams ||
          state.snapshot?.transit !== previous.snapshot?.transit ||
          state.colorMode !== previous.colorMode ||
          state.targetRequest !== previous.targetRequest
        ) {
          invalidate();
        }
      }),
    [store, invalidate],
  );
  return null;
}

export function SceneCanvas() {
  const controller = useController();
  const frame = useMemo(() => new SceneFrame(), []);
  return (
    <Canvas
      className="scene-canvas"
      flat
      frameloop="demand"
      dpr={[1, 2]}
      gl={{ logarithmicDepthBuffer: true, antialias: true, powerPreference: 'high-performance' }}
      camera={{ fov: 50, near: 0.001, far: 2e8, up: [0, 0, 1], position: [0, -1, 0.5] }}
      onCreated={(state) => {
        controller.scene = {
          gl: state.gl,
          scene: state.scene,
          camera: state.camera as import('three').PerspectiveCamera,
          origin: frame.origin,
        };
        controller.store.setState({ render: describeRenderer(state) });
      }}
    >
      <color attach="background" args={['#010208']} />
      <ambientLight intensity={0.035} />
      <Invalidator />
      <CameraRig frame={frame} />
      <Stars />
      <Orbits frame={frame} />
      <ShellBands frame={frame} />
      <Bodies frame={frame} />
      <EarthSegment frame={frame} />
      <PowerLinks frame={frame} />
      <MassDriverStreams frame={frame} />
      <TransitPackets frame={frame} />
      <Swarm frame={frame} />
      <LabelProjector frame={frame} />
      <Picker frame={frame} />
      <ObjectLabelProjector frame={frame} />
      <FrameStats />
    </Canvas>
  );
}
