/**
 * The swarm: one points draw of every tracer on station, positioned on the GPU (swarmMaterial.ts). Per frame the
 * CPU sets a handful of uniforms and the draw range (tracers are sorted by station time, so those on station are a
 * prefix of the table: exactly the ones the core's snapshot counts). When the displayed time has moved more than
 * SCENE_REBASE_MAX_PHASE_RAD of mean anomaly away from the last re-base, the float64 mean anomalies are re-based
 * into the one dynamic attribute (orbitA).
 *
 * Compute nodes that fly among the collectors are a second draw of the same attributes through an index of marker
 * tracers (LoadedReply.nodeMarkers), ringed, as many as the snapshot's computeNodeCount (up to the markers on
 * station), as bright as the power one node receives.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, Color, DynamicDrawUsage, Points, Sphere, Vector3 } from 'three';
import { SECONDS_PER_DAY } from '../../../sim/constants.ts';
import { countBelow } from '../../../sim/numeric/search.ts';
import {
  countOnStation,
  needsSwarmRebase,
  rebaseSwarm,
  type SwarmRenderBuffers,
} from '../../../sim/stream/renderBuffers.ts';
import { useAppState, useController } from '../state/context.tsx';
import type { SceneFrame } from './sceneFrame.ts';
import { swarmLight } from './swarmBrightness.ts';
import { createSwarmMaterial } from './swarmMaterial.ts';

/** Point diameter, CSS pixels. */
const POINT_SIZE_PX = 2.6;
/** Compute-node marker diameter, CSS pixels, and colour (linear RGB, scaled by the power each node receives). */
const NODE_SIZE_PX = 9;
const NODE_COLOR = [0.35, 1, 0.95] as const;
/** Node brightness scale: log10 of the power one node receives, W, at the dimmest and at full brightness. */
const NODE_LOG_W: readonly [number, number] = [6, 10];

/**
 * The geometry of a swarm: the render buffers as attributes. There is no 'position': the shader computes it, and
 * the draw count is the draw range, set every frame.
 */
export function createSwarmGeometry(
  swarm: SwarmRenderBuffers,
  nodeMarkers: Uint32Array = new Uint32Array(0),
): {
  geometry: BufferGeometry;
  orbitA: BufferAttribute;
  /** The same attributes, drawn through an index of the marker tracers (compute nodes). */
  markers: BufferGeometry;
} {
  const geometry = new BufferGeometry();
  const orbitA = new BufferAttribute(swarm.orbitA, 4);
  orbitA.setUsage(DynamicDrawUsage);
  geometry.setAttribute('aOrbitA', orbitA);
  geometry.setAttribute('aOrbitB', new BufferAttribute(swarm.orbitB, 4));
  geometry.setAttribute('aOrbitC', new BufferAttribute(swarm.orbitC, 4));
  geometry.setAttribute('aSite', new BufferAttribute(swarm.site, 1));
  geometry.setDrawRange(0, 0);
  // positions are computed in the shader: no CPU bounding volume (frustum culling is off)
  geometry.boundingSphere = new Sphere(new Vector3(), Number.POSITIVE_INFINITY);
  const markers = new BufferGeometry();
  for (const name of ['aOrbitA', 'aOrbitB', 'aOrbitC', 'aSite']) {
    markers.setAttribute(name, geometry.getAttribute(name));
  }
  markers.setIndex(new BufferAttribute(nodeMarkers, 1));
  markers.setDrawRange(0, 0);
  markers.boundingSphere = new Sphere(new Vector3(), Number.POSITIVE_INFINITY);
  return { geometry, orbitA, markers };
}

export function Swarm({ frame }: { frame: SceneFrame }) {
  const controller = useController();
  const world = useAppState((state) => state.world);
  const colorMode = useAppState((state) => state.colorMode);
  const dpr = useThree((state) => state.viewport.dpr);
  const material = useMemo(createSwarmMaterial, []);
  const markerMaterial = useMemo(() => {
    const created = createSwarmMaterial();
    (created.uniforms['uColorMode'] as { value: number }).value = 3;
    return created;
  }, []);
  const built = useMemo(
    () => (world === null ? null : createSwarmGeometry(world.swarm, world.nodeMarkers)),
    [world],
  );
  const points = useMemo(() => {
    const object = new Points(new BufferGeometry(), material);
    object.name = 'swarm';
    object.frustumCulled = false;
    object.renderOrder = 3;
    return object;
  }, [material]);
  const nodes = useMemo(() => {
    const object = new Points(new BufferGeometry(), markerMaterial);
    object.name = 'compute-nodes';
    object.frustumCulled = false;
    object.renderOrder = 4;
    return object;
  }, [markerMaterial]);
  const rebase = useRef({ refTdbS: Number.NaN });

  useEffect(() => {
    if (built === null) return undefined;
    points.geometry = built.geometry;
    nodes.geometry = built.markers;
    rebase.current.refTdbS = Number.NaN;
    return () => {
      built.geometry.dispose();
      built.markers.dispose();
    };
  }, [built, points, nodes]);
  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => () => markerMaterial.dispose(), [markerMaterial]);
  useEffect(() => {
    (material.uniforms['uColorMode'] as { value: number }).value =
      colorMode === 'shell' ? 0 : colorMode === 'irradiance' ? 1 : 2;
  }, [colorMode, material]);

  useFrame(() => {
    if (built === null || world === null) {
      points.visible = false;
      nodes.visible = false;
      return;
    }
    points.visible = true;
    const t = frame.timeTdbS;
    const swarm = world.swarm;
    if (needsSwarmRebase(swarm, rebase.current.refTdbS, t)) {
      rebaseSwarm(swarm, t, built.orbitA.array as Float32Array);
      built.orbitA.needsUpdate = true;
      rebase.current.refTdbS = t;
    }
    const ox = (frame.origin[0] as number) * 1e6;
    const oy = (frame.origin[1] as number) * 1e6;
    const oz = (frame.origin[2] as number) * 1e6;
    for (const [shader, size] of [
      [material, POINT_SIZE_PX],
      [markerMaterial, NODE_SIZE_PX],
    ] as const) {
      const u = shader.uniforms as Record<string, { value: unknown }>;
      u['uDtS']!.value = t - rebase.current.refTdbS;
      u['uTimeDays']!.value = t / SECONDS_PER_DAY;
      u['uPointSize']!.value = size * dpr;
      // the render origin in metres, as a float32 pair (shaders/kepler.glsl keplerRelative)
      const high = u['uOriginHigh']!.value as Vector3;
      const low = u['uOriginLow']!.value as Vector3;
      high.set(Math.fround(ox), Math.fround(oy), Math.fround(oz));
      low.set(ox - high.x, oy - high.y, oz - high.z);
    }
    const onStation = countOnStation(swarm.stationTdbS, t);
    built.geometry.setDrawRange(0, onStation);
    controller.drawnTracers = onStation;
    const values = controller.store.getState().snapshot?.values;
    // the swarm's light from its real collector area, shared by the tracers drawn (swarmBrightness.ts)
    const light = swarmLight(values?.['collectorAreaM2'] ?? 0, onStation);
    const u = material.uniforms as Record<string, { value: number }>;
    u['uIntensity']!.value = light.intensity;
    u['uKeep']!.value = light.keep;
    u['uSizeScale']!.value = light.sizeScale;
    controller.swarmLight = light;
    // compute nodes: as many markers as there are nodes (at most one per marker tracer on station), each as
    // bright as the power one node receives
    const nodeCount = values?.['computeNodeCount'] ?? 0;
    const nodePowerW = nodeCount > 0 ? (values?.['deliveredPowerComputeW'] ?? 0) / nodeCount : 0;
    const drawnNodes =
      nodePowerW > 0 ? Math.min(countBelow(world.nodeMarkers, onStation), Math.ceil(nodeCount)) : 0;
    // left visible with an empty draw range when there is none, so its shader is compiled with the scene's, at load
    nodes.visible = true;
    built.markers.setDrawRange(0, drawnNodes);
    const level = Math.min(
      1,
      Math.max(0.25, (Math.log10(nodePowerW) - NODE_LOG_W[0]) / (NODE_LOG_W[1] - NODE_LOG_W[0])),
    );
    (markerMaterial.uniforms['uMarkerColor']!.value as Color).setRGB(
      NODE_COLOR[0] * level,
      NODE_COLOR[1] * level,
      NODE_COLOR[2] * level,
    );
    controller.drawnNodes = drawnNodes;
  }, -1);

  return (
    <>
      <primitive object={points} />
      <primitive object={nodes} />
    </>
  );
}
