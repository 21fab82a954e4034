/**
 * Reference paths: the planets' heliocentric orbits (one sidereal period from astronomy-engine, drawn relative to
 * the Sun), the Moon's geocentric orbit (one sidereal month around the displayed time, redrawn as it precesses)
 * and the geostationary ring (radius 42 164 km in the Earth's J2000 mean equator plane; the power satellites on
 * it come with sim/earth).
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color, Group, Line, LineBasicMaterial, LineLoop } from 'three';
import { OBLIQUITY_J2000_RAD } from '../../../sim/constants.ts';
import { GEOSTATIONARY_RADIUS_M } from '../../../sim/energy/placement.ts';
import { useController } from '../state/context.tsx';
import { BODIES } from '../state/targets.ts';
import { PLANET_IDS } from '../../../sim/geometry/planetPositions.ts';
import { moonOrbitPath, planetOrbitPath } from './ephemeris.ts';
import type { SceneFrame } from './sceneFrame.ts';

const ORBIT_SAMPLES = 360;
/** Samples of the Moon's osculating orbit: the chords then stray from it by under 0.1 Mm. */
const MOON_SAMPLES = 180;
/**
 * Redraw the Moon's osculating orbit when the displayed time is this far from the one it was drawn for, s. The Sun
 * turns the osculating ellipse noticeably within days; a redraw costs about 0.1 ms (ephemeris.ts moonOrbitPath).
 */
const MOON_REDRAW_S = 6 * 3600;
/** Geostationary radius, Mm: the core's (GM_earth / ω²)^(1/3), 42 164.17 km (sim/energy/placement.ts). */
export const GEOSTATIONARY_RADIUS_MM = GEOSTATIONARY_RADIUS_M / 1e6;

function lineOf(points: Float32Array, color: string, opacity: number, closed: boolean): Line {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(points, 3));
  const material = new LineBasicMaterial({
    color: new Color(color),
    transparent: true,
    opacity,
    depthWrite: false,
  });
  return closed ? new LineLoop(geometry, material) : new Line(geometry, material);
}

function circle(radius: number, segments: number): Float32Array {
  const points = new Float32Array(3 * segments);
  for (let k = 0; k < segments; k += 1) {
    const angle = (2 * Math.PI * k) / segments;
    points[3 * k] = radius * Math.cos(angle);
    points[3 * k + 1] = radius * Math.sin(angle);
  }
  return points;
}

export function Orbits({ frame }: { frame: SceneFrame }) {
  const { store } = useController();
  const objects = useMemo(() => {
    const { rangeFromTdbS, rangeToTdbS } = store.getState();
    const middle = 0.5 * (rangeFromTdbS + rangeToTdbS);
    const heliocentric = new Group();
    heliocentric.name = 'planet-orbits';
    for (const id of PLANET_IDS) {
      heliocentric.add(lineOf(planetOrbitPath(id, middle, ORBIT_SAMPLES), BODIES[id].color, 0.32, false));
    }
    const geocentric = new Group();
    geocentric.name = 'earth-orbits';
    const moon = lineOf(new Float32Array(3 * (MOON_SAMPLES + 1)), BODIES.moon.color, 0.35, false);
    geocentric.add(moon);
    const geo = lineOf(circle(GEOSTATIONARY_RADIUS_MM, 256), '#7fe3c4', 0.45, true);
    geo.name = 'geostationary-ring';
    // the J2000 mean equator is the ecliptic tilted by -obliquity about x (sim/orbit/frames.ts)
    geo.rotation.x = -OBLIQUITY_J2000_RAD;
    geocentric.add(geo);
    return { heliocentric, geocentric, moon, moonDrawnAt: { tdbS: Number.NaN } };
  }, [store]);

  useEffect(
    () => () => {
      [objects.heliocentric, objects.geocentric].forEach((group) =>
        group.traverse((object) => {
          if (object instanceof Line) {
            object.geometry.dispose();
            (object.material as LineBasicMaterial).dispose();
          }
        }),
      );
    },
    [objects],
  );

  useFrame(() => {
    const { origin } = frame;
    objects.heliocentric.position.set(-(origin[0] as number), -(origin[1] as number), -(origin[2] as number));
    frame.renderPosition('earth', objects.geocentric.position);
    if (!(Math.abs(frame.timeTdbS - objects.moonDrawnAt.tdbS) < MOON_REDRAW_S)) {
      const attribute = objects.moon.geometry.getAttribute('position') as BufferAttribute;
      moonOrbitPath(frame.timeTdbS, MOON_SAMPLES, attribute.array as Float32Array);
      attribute.needsUpdate = true;
      objects.moon.geometry.computeBoundingSphere();
      objects.moonDrawnAt.tdbS = frame.timeTdbS;
    }
  }, -1);

  return (
    <>
      <primitive object={objects.heliocentric} />
      <primitive object={objects.geocentric} />
    </>
  );
}
