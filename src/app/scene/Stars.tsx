/**
 * A background of stars: random directions (a fixed seed), drawn at a great distance and carried with the camera
 * so they never show parallax. Decorative: these are not a star catalogue.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Points, PointsMaterial } from 'three';
import { createUniformSource } from '../../../sim/swarm/random.ts';

const STAR_COUNT = 3500;
const STAR_DISTANCE_MM = 5e7;

/** Seed of the sky: the same stars on every load (the project's seeded generator, sim/swarm/random.ts). */
const STAR_SEED = 0x5eed;

export function Stars() {
  const camera = useThree((state) => state.camera);
  const points = useMemo(() => {
    const source = createUniformSource(STAR_SEED);
    const random = (): number => source.next();
    const position = new Float32Array(3 * STAR_COUNT);
    const color = new Float32Array(3 * STAR_COUNT);
    for (let k = 0; k < STAR_COUNT; k += 1) {
      const z = 2 * random() - 1;
      const phi = 2 * Math.PI * random();
      const rho = Math.sqrt(1 - z * z);
      position.set(
        [
          rho * Math.cos(phi) * STAR_DISTANCE_MM,
          rho * Math.sin(phi) * STAR_DISTANCE_MM,
          z * STAR_DISTANCE_MM,
        ],
        3 * k,
      );
      // mostly faint, a few bright; slightly blue or warm
      const brightness = 0.12 + 0.5 * random() ** 6;
      const warmth = random() - 0.5;
      color.set([brightness * (1 + 0.15 * warmth), brightness, brightness * (1 - 0.15 * warmth)], 3 * k);
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(position, 3));
    geometry.setAttribute('color', new BufferAttribute(color, 3));
    const material = new PointsMaterial({
      size: 1.6,
      sizeAttenuation: false,
      vertexColors: true,
      depthWrite: false,
      toneMapped: false,
    });
    const stars = new Points(geometry, material);
    stars.name = 'stars';
    stars.frustumCulled = false;
    stars.renderOrder = -1;
    return stars;
  }, []);

  useEffect(
    () => () => {
      points.geometry.dispose();
      (points.material as PointsMaterial).dispose();
    },
    [points],
  );

  useFrame(() => {
    points.position.copy(camera.position);
  }, -1);

  return <primitive object={points} />;
}
