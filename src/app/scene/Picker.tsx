/**
 * Picking: a click (or tap) on the canvas that is not a drag selects the object drawn under it, for the inspector
 * (ui/Inspector.tsx). A CPU search on the positions the scene draws (pickPositions.ts), projected with the
 * frame's camera: the named objects (power satellites, rectennas, link platforms, compute nodes) within
 * PICK_RADIUS_PX first, then a body whose disc is under the pointer or within that radius, then the nearest
 * collector tracer on station. A click on nothing closes the inspector.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3, type Camera } from 'three';
import { countBelow } from '../../../sim/numeric/search.ts';
import { countOnStation } from '../../../sim/stream/renderBuffers.ts';
import { useController } from '../state/context.tsx';
import type { AppState, PickedObject } from '../state/store.ts';
import { BODIES, BODY_IDS } from '../state/targets.ts';
import { rectennaRenderPosition, satelliteRenderPosition, tracerRenderPosition } from './pickPositions.ts';
import { layoutPowerLinks, type PlatformRef } from './PowerLinks.tsx';
import type { SceneFrame } from './sceneFrame.ts';

/** How far from a drawn object a click still picks it, CSS px (a fingertip is about 2x this). */
export const PICK_RADIUS_PX = 12;
/** A press that moves less than this is a click, not a drag of the camera, CSS px. */
const CLICK_SLOP_PX = 5;

const _v = new Vector3();
const _p: number[] = [0, 0, 0];

/** Screen position (CSS px) of a render-space point, or null when it is behind the camera or off screen. */
function project(
  point: readonly number[],
  camera: Camera,
  width: number,
  height: number,
): readonly [number, number] | null {
  _v.set(point[0] as number, point[1] as number, point[2] as number).project(camera);
  if (!(_v.z < 1) || Math.abs(_v.x) > 1 || Math.abs(_v.y) > 1) return null;
  return [((_v.x + 1) / 2) * width, ((1 - _v.y) / 2) * height];
}

const MAX_LINK_SLOTS = 64;
const linkScratch = {
  platformPosition: new Float32Array(3 * MAX_LINK_SLOTS),
  platformColor: new Float32Array(3 * MAX_LINK_SLOTS),
  beamPosition: new Float32Array(6 * MAX_LINK_SLOTS),
  beamColor: new Float32Array(6 * MAX_LINK_SLOTS),
};

/** Every named object drawn now, with its render position. */
function namedObjects(
  state: AppState,
  frame: SceneFrame,
  drawnNodes: number,
): Array<[PickedObject, number[]]> {
  const out: Array<[PickedObject, number[]]> = [];
  const earth = state.snapshot?.earth ?? null;
  if (earth !== null) {
    for (const satellite of earth.satellites) {
      if (!satellite.inService || !Number.isFinite(satellite.longitudeRad)) continue;
      const p = [0, 0, 0];
      satelliteRenderPosition(frame, satellite, p);
      out.push([{ kind: 'satellite', name: satellite.name }, p]);
    }
    for (const site of earth.sites) {
      if (!site.operational || !Number.isFinite(site.latitudeRad)) continue;
      const p = [0, 0, 0];
      rectennaRenderPosition(frame, site, p);
      out.push([{ kind: 'rectenna', name: site.name }, p]);
    }
  }
  const refs: PlatformRef[] = [];
  const counts = layoutPowerLinks(state.snapshot?.links ?? [], frame, linkScratch, refs);
  for (let k = 0; k < counts.platforms; k += 1) {
    const ref = refs[k];
    if (ref === undefined) continue;
    const p = Array.from(linkScratch.platformPosition.subarray(3 * k, 3 * k + 3));
    out.push([{ kind: 'platform', link: ref.link, hop: ref.hop, unit: ref.unit, platform: ref.label }, p]);
  }
  const world = state.world;
  if (world !== null) {
    for (let k = 0; k < drawnNodes; k += 1) {
      const tracer = world.nodeMarkers[k] as number;
      const p = [0, 0, 0];
      tracerRenderPosition(frame, world.swarm, tracer, p);
      out.push([{ kind: 'node', tracer }, p]);
    }
  }
  return out;
}

/** Where `object` is drawn (CSS px), or null. */
export function screenPositionOf(
  object: PickedObject,
  state: AppState,
  frame: SceneFrame,
  camera: Camera,
  width: number,
  height: number,
  drawnNodes: number,
): readonly [number, number] | null {
  if (object.kind === 'body') {
    if (!(BODY_IDS as readonly string[]).includes(object.id)) return null;
    frame.renderPosition(object.id as (typeof BODY_IDS)[number], {
      set: (x, y, z) => _p.splice(0, 3, x, y, z),
    });
    return project(_p, camera, width, height);
  }
  if (object.kind === 'collector') {
    if (state.world === null) return null;
    tracerRenderPosition(frame, state.world.swarm, object.tracer, _p);
    return project(_p, camera, width, height);
  }
  const key = JSON.stringify(object);
  const found = namedObjects(state, frame, drawnNodes).find(([o]) => JSON.stringify(o) === key);
  return found === undefined ? null : project(found[1], camera, width, height);
}

/** The object drawn under (xPx, yPx), CSS px from the canvas's top left, or null. */
export function pickAt(
  xPx: number,
  yPx: number,
  state: AppState,
  frame: SceneFrame,
  camera: Camera,
  width: number,
  height: number,
  drawnNodes: number,
): PickedObject | null {
  let best: PickedObject | null = null;
  let bestPx = PICK_RADIUS_PX;
  for (const [object, p] of namedObjects(state, frame, drawnNodes)) {
    const screen = project(p, camera, width, height);
    if (screen === null) continue;
    const d = Math.hypot(screen[0] - xPx, screen[1] - yPx);
    if (d <= bestPx) {
      best = object;
      bestPx = d;
    }
  }
  if (best !== null) return best;
  // bodies: the disc under the pointer (its projected radius), or its marker within the pick radius
  let bodyPx = Number.POSITIVE_INFINITY;
  for (const id of BODY_IDS) {
    frame.renderPosition(id, { set: (x, y, z) => _p.splice(0, 3, x, y, z) });
    const distanceMm = Math.hypot(
      (_p[0] as number) - camera.position.x,
      (_p[1] as number) - camera.position.y,
      (_p[2] as number) - camera.position.z,
    );
    const screen = project(_p, camera, width, height);
    if (screen === null) continue;
    const fovRad = ('fov' in camera ? (camera.fov as number) : 50) * (Math.PI / 180);
    const discPx = (BODIES[id].radiusMm / distanceMm / Math.tan(fovRad / 2)) * (height / 2);
    const d = Math.hypot(screen[0] - xPx, screen[1] - yPx);
    if (d <= Math.max(discPx, PICK_RADIUS_PX) && d < bodyPx) {
      best = { kind: 'body', id };
      bodyPx = d;
    }
  }
  if (best !== null) return best;
  // collectors: the nearest drawn tracer
  const world = state.world;
  if (world === null) return null;
  const onStation = countOnStation(world.swarm.stationTdbS, frame.timeTdbS);
  let nearest = -1;
  let nearestPx = PICK_RADIUS_PX;
  for (let k = 0; k < onStation; k += 1) {
    tracerRenderPosition(frame, world.swarm, k, _p);
    const screen = project(_p, camera, width, height);
    if (screen === null) continue;
    const d = Math.hypot(screen[0] - xPx, screen[1] - yPx);
    if (d < nearestPx) {
      nearest = k;
      nearestPx = d;
    }
  }
  return nearest < 0 ? null : { kind: 'collector', tracer: nearest };
}

/** The picker: registers pickAt and screenPositionOf on the controller and listens for clicks on the canvas. */
export function Picker({ frame }: { frame: SceneFrame }) {
  const controller = useController();
  const camera = useThree((state) => state.camera);
  const size = useThree((state) => state.size);
  const element = useThree((state) => state.gl.domElement);
  useEffect(() => {
    const drawnNodes = (): number => {
      const world = controller.store.getState().world;
      if (world === null) return 0;
      const onStation = countOnStation(world.swarm.stationTdbS, frame.timeTdbS);
      return Math.min(controller.drawnNodes, countBelow(world.nodeMarkers, onStation));
    };
    controller.pickAt = (x, y) =>
      pickAt(x, y, controller.store.getState(), frame, camera, size.width, size.height, drawnNodes());
    controller.screenPositionOf = (object) =>
      screenPositionOf(
        object,
        controller.store.getState(),
        frame,
        camera,
        size.width,
        size.height,
        drawnNodes(),
      );
    let down: { x: number; y: number } | null = null;
    const onDown = (event: PointerEvent): void => {
      down = { x: event.clientX, y: event.clientY };
    };
    const onUp = (event: PointerEvent): void => {
      if (down === null) return;
      const moved = Math.hypot(event.clientX - down.x, event.clientY - down.y);
      down = null;
      if (moved > CLICK_SLOP_PX) return;
      const box = element.getBoundingClientRect();
      controller.inspect(controller.pickAt?.(event.clientX - box.left, event.clientY - box.top) ?? null);
    };
    element.addEventListener('pointerdown', onDown);
    element.addEventListener('pointerup', onUp);
    return () => {
      element.removeEventListener('pointerdown', onDown);
      element.removeEventListener('pointerup', onUp);
      controller.pickAt = null;
      controller.screenPositionOf = null;
    };
  }, [controller, frame, camera, size, element]);
  return null;
}
