/**
 * The swarm: one points draw of every tracer on station, positioned on the GPU (swarmMaterial.ts). Per frame the
 * CPU sets a handful of uniforms and the draw range (tracers are sorted by station time, so those on station are a
 * prefix of the table: exactly the ones the core's snapshot counts). When the displayed time has moved more than
 * SCENE_REBASE_MAX_PHASE_RAD of mean anomaly away from the last re-base, the float64 mean anomalies are re-based
 * into the one dynamic attribute (orbitA).
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, DynamicDrawUsage, Points, Sphere, Vector3 } from 'three';
import { SECONDS_PER_DAY } from '../../../sim/constants.ts';
import {
  countOnStation,
  needsSwarmRebase,
  rebaseSwarm,
  type SwarmRenderBuffers,
} from '../../../sim/stream/renderBuffers.ts';
import { useAppState, useController } from '../state/context.tsx';
import type { SceneFrame } from './sceneFrame.ts';
import { createSwarmMaterial } from './swarmMaterial.ts';

/** Point diameter, CSS pixels. */
const POINT_SIZE_PX = 2.6;

/**
 * The geometry of a swarm: the render buffers as attributes. There is no 'position': the shader computes it, and
 * the draw count is the draw range, set every frame.
 */
export function createSwarmGeometry(swarm: SwarmRenderBuffers): {
  geometry: BufferGeometry;
  orbitA: BufferAttribute;
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
  return { geometry, orbitA };
}

export function Swarm({ frame }: { frame: SceneFrame }) {
  const controller = useController();
  const world = useAppState((state) => state.world);
  const colorMode = useAppState((state) => state.colorMode);
  const dpr = useThree((state) => state.viewport.dpr);
  const material = useMemo(createSwarmMaterial, []);
  const built = useMemo(() => (world === null ? null : createSwarmGeometry(world.swarm)), [world]);
  const points = useMemo(() => {
    const object = new Points(new BufferGeometry(), material);
    object.name = 'swarm';
    object.frustumCulled = false;
    object.renderOrder = 3;
    return object;
  }, [material]);
  const rebase = useRef({ refTdbS: Number.NaN });

  useEffect(() => {
    if (built === null) return undefined;
    points.geometry = built.geometry;
    rebase.current.refTdbS = Number.NaN;
    return () => built.geometry.dispose();
  }, [built, points]);
  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => {
    (material.uniforms['uColorMode'] as { value: number }).value =
      colorMode === 'shell' ? 0 : colorMode === 'irradiance' ? 1 : 2;
  }, [colorMode, material]);

  useFrame(() => {
    if (built === null || world === null) {
      points.visible = false;
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
    const u = material.uniforms as Record<string, { value: unknown }>;
    u['uDtS']!.value = t - rebase.current.refTdbS;
    u['uTimeDays']!.value = t / SECONDS_PER_DAY;
    u['uPointSize']!.value = POINT_SIZE_PX * dpr;
    // the render origin in metres, as a float32 pair (shaders/kepler.glsl keplerRelative)
    const high = u['uOriginHigh']!.value as Vector3;
    const low = u['uOriginLow']!.value as Vector3;
    const ox = (frame.origin[0] as number) * 1e6;
    const oy = (frame.origin[1] as number) * 1e6;
    const oz = (frame.origin[2] as number) * 1e6;
    high.set(Math.fround(ox), Math.fround(oy), Math.fround(oz));
    low.set(ox - high.x, oy - high.y, oz - high.z);
    const onStation = countOnStation(swarm.stationTdbS, t);
    built.geometry.setDrawRange(0, onStation);
    controller.drawnTracers = onStation;
  }, -1);

  return <primitive object={points} />;
}
