/**
 * The camera: OrbitControls around the render origin, and the origin itself, which follows the camera's target
 * (a body, or the Sun for a shell). Jumping to a target glides the origin and the distance there over
 * JUMP_SECONDS (distance interpolated logarithmically, so going from 2 au to the Moon is smooth).
 *
 * Runs first in every frame (priority -2): sets the frame's time and bodies, then the origin; the other
 * components then place themselves relative to that origin.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { PerspectiveCamera } from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { useController } from '../state/context.tsx';
import type { AppState, CameraPose } from '../state/store.ts';
import {
  BODIES,
  isBodyId,
  MAX_CAMERA_DISTANCE_MM,
  minDistanceMm,
  shellOf,
  type TargetId,
} from '../state/targets.ts';
import type { SceneFrame } from './sceneFrame.ts';

const JUMP_SECONDS = 1.4;
const DEG = Math.PI / 180;
/** A shell is framed from this many times its outer semi-major axis. */
const SHELL_VIEW_FACTOR = 2.7;

interface Transition {
  readonly fromOrigin: Float64Array;
  readonly fromDistance: number;
  readonly toDistance: number;
  elapsedMs: number;
}

/** Where a target is now (heliocentric Mm) and how far to view it from. */
function targetView(target: TargetId, state: AppState, frame: SceneFrame, out: Float64Array): number {
  if (isBodyId(target)) {
    frame.bodyPosition(target, out);
    return BODIES[target].viewDistanceMm;
  }
  out.fill(0);
  const name = shellOf(target);
  const shell = state.world?.scenario.shells.find((s) => s.name === name);
  return shell === undefined
    ? BODIES.sun.viewDistanceMm
    : (SHELL_VIEW_FACTOR * shell.semiMajorAxisM[1]) / 1e6;
}

function poseOf(camera: PerspectiveCamera): CameraPose {
  const { x, y, z } = camera.position;
  const distanceMm = Math.hypot(x, y, z);
  return {
    distanceMm,
    azimuthDeg: Math.atan2(y, x) / DEG,
    elevationDeg: Math.asin(Math.max(-1, Math.min(1, z / distanceMm))) / DEG,
  };
}

function placeCamera(camera: PerspectiveCamera, pose: CameraPose): void {
  const az = pose.azimuthDeg * DEG;
  const el = pose.elevationDeg * DEG;
  camera.position.set(Math.cos(el) * Math.cos(az), Math.cos(el) * Math.sin(az), Math.sin(el));
  camera.position.multiplyScalar(pose.distanceMm);
  camera.lookAt(0, 0, 0);
}

/** The side panel's width plus margins, px: the view centre is moved left by half of it on wide screens. */
const SIDE_PANEL_PX = 352;
const WIDE_SCREEN_PX = 900;

/**
 * Shift the projection so the camera's centre appears in the middle of the part of the canvas the side panel
 * leaves free (a frustum translation via filmOffset; the view direction is unchanged).
 */
function centreBesidePanel(camera: PerspectiveCamera, width: number): void {
  const offsetPx = width > WIDE_SCREEN_PX ? SIDE_PANEL_PX / 2 : 0;
  const skew =
    (offsetPx / width) * 2 * Math.tan((camera.fov * DEG) / 2) * camera.aspect * camera.getFilmWidth();
  if (Math.abs(skew - camera.filmOffset) > 1e-9) {
    camera.filmOffset = skew;
    camera.updateProjectionMatrix();
  }
}

const easeInOut = (x: number): number => (x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2);

export function CameraRig({ frame }: { frame: SceneFrame }) {
  const controller = useController();
  const camera = useThree((state) => state.camera) as PerspectiveCamera;
  const domElement = useThree((state) => state.gl.domElement);
  const invalidate = useThree((state) => state.invalidate);
  const controls = useMemo(() => {
    const c = new OrbitControls(camera, domElement);
    c.enablePan = false;
    c.enableDamping = true;
    c.dampingFactor = 0.08;
    c.zoomSpeed = 1.4;
    c.rotateSpeed = 0.55;
    c.maxDistance = MAX_CAMERA_DISTANCE_MM;
    return c;
  }, [camera, domElement]);
  const transition = useRef<Transition | null>(null);
  const lastRequest = useRef<number | null>(null);
  const scratch = useMemo(() => new Float64Array(3), []);

  useEffect(() => {
    const { store } = controller;
    const state = store.getState();
    frame.setTime(state.timeTdbS);
    const distance = targetView(state.target, state, frame, frame.origin);
    placeCamera(camera, state.cameraPose ?? { distanceMm: distance, azimuthDeg: -70, elevationDeg: 32 });
    lastRequest.current = state.targetRequest;
    const onEnd = (): void => controller.setCameraPose(poseOf(camera));
    const onChange = (): void => invalidate();
    controls.addEventListener('end', onEnd);
    controls.addEventListener('change', onChange);
    controls.update();
    invalidate();
    return () => {
      controls.removeEventListener('end', onEnd);
      controls.removeEventListener('change', onChange);
      controls.dispose();
    };
  }, [controller, controls, camera, frame, invalidate]);

  useFrame((three, delta) => {
    centreBesidePanel(camera, three.size.width);
    const state = controller.store.getState();
    frame.setTime(state.timeTdbS);
    const viewDistance = targetView(state.target, state, frame, scratch);
    if (lastRequest.current !== state.targetRequest) {
      lastRequest.current = state.targetRequest;
      transition.current = {
        fromOrigin: Float64Array.from(frame.origin),
        fromDistance: camera.position.length(),
        toDistance: viewDistance,
        elapsedMs: 0,
      };
    }
    controls.minDistance = minDistanceMm(state.target);
    const jump = transition.current;
    if (jump === null) {
      frame.origin.set(scratch);
    } else {
      jump.elapsedMs += Math.min(delta, 0.1) * 1000;
      const progress = Math.min(1, jump.elapsedMs / (JUMP_SECONDS * 1000));
      const eased = easeInOut(progress);
      for (let k = 0; k < 3; k += 1) {
        const from = jump.fromOrigin[k] as number;
        frame.origin[k] = from + ((scratch[k] as number) - from) * eased;
      }
      const distance = jump.fromDistance * (jump.toDistance / jump.fromDistance) ** eased;
      camera.position.setLength(distance);
      if (progress >= 1) {
        transition.current = null;
        controller.setCameraPose(poseOf(camera));
      }
    }
    // keep drawing while the camera glides or its damping settles (update() is true while it moves)
    if (controls.update() || transition.current !== null) invalidate();
  }, -2);

  return null;
}
