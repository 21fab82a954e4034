/**
 * The Sun, Mercury, Venus, the Earth, the Moon and Mars at their positions for the displayed time (ephemeris.ts),
 * drawn at their true sizes, lit by the Sun. Each also has a marker of constant screen size (a sprite) that fades
 * out as the body itself grows larger on screen, so the bodies can be found at 2 au as well as next to the Moon.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  AdditiveBlending,
  Color,
  Group,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  PointLight,
  ShaderMaterial,
  SphereGeometry,
  Sprite,
  SpriteMaterial,
  Vector3,
} from 'three';
import { BODIES, BODY_IDS, type BodyId } from '../state/targets.ts';
import { createAtmosphereMaterial } from './atmosphereMaterial.ts';
import { CORONA_STOPS, createGlowTexture } from './glowTexture.ts';
import type { SceneFrame } from './sceneFrame.ts';

/** Marker size, in units of the viewport's tan(half-fov)-space (about 3 % of the viewport height). */
const MARKER_SCALE = 0.028;
/** Bodies drawn with a limb glow: colour and the glow shell's radius over the body's. */
const ATMOSPHERES: Partial<Record<BodyId, { color: string; scale: number }>> = {
  earth: { color: '#6fb7ff', scale: 1.03 },
  venus: { color: '#ffe2a8', scale: 1.04 },
  mars: { color: '#ffb08a', scale: 1.015 },
};
const _position = new Vector3();

export function Bodies({ frame }: { frame: SceneFrame }) {
  const camera = useThree((state) => state.camera);
  const assets = useMemo(() => {
    const sphere = new SphereGeometry(1, 64, 32);
    const glow = createGlowTexture(128);
    const corona = createGlowTexture(256, CORONA_STOPS);
    const groups = new Map<BodyId, { group: Group; marker: Sprite; markerMaterial: SpriteMaterial }>();
    const atmospheres: Mesh[] = [];
    for (const id of BODY_IDS) {
      const body = BODIES[id];
      const group = new Group();
      group.name = `body:${id}`;
      const material =
        id === 'sun'
          ? new MeshBasicMaterial({ color: new Color('#fff6e0'), toneMapped: false })
          : new MeshStandardMaterial({ color: new Color(body.color), roughness: 0.9, metalness: 0 });
      const mesh = new Mesh(sphere, material);
      mesh.scale.setScalar(body.radiusMm);
      mesh.name = `sphere:${id}`;
      group.add(mesh);
      const atmosphere = ATMOSPHERES[id];
      if (atmosphere !== undefined) {
        const glow = new Mesh(sphere, createAtmosphereMaterial(atmosphere.color));
        glow.scale.setScalar(body.radiusMm * atmosphere.scale);
        glow.name = `atmosphere:${id}`;
        glow.renderOrder = 1;
        group.add(glow);
        atmospheres.push(glow);
      }
      const markerMaterial = new SpriteMaterial({
        map: glow,
        color: new Color(body.color),
        sizeAttenuation: false,
        depthWrite: false,
        blending: AdditiveBlending,
        transparent: true,
        toneMapped: false,
      });
      const marker = new Sprite(markerMaterial);
      marker.scale.setScalar(id === 'sun' ? MARKER_SCALE * 1.6 : MARKER_SCALE);
      marker.renderOrder = 2;
      group.add(marker);
      groups.set(id, { group, marker, markerMaterial });
    }
    const coronaMaterial = new SpriteMaterial({
      map: corona,
      depthWrite: false,
      blending: AdditiveBlending,
      transparent: true,
      toneMapped: false,
    });
    const coronaSprite = new Sprite(coronaMaterial);
    coronaSprite.renderOrder = 1;
    groups.get('sun')?.group.add(coronaSprite);
    const light = new PointLight('#fff4e6', 3.2, 0, 0);
    return { sphere, glow, corona, groups, coronaSprite, light, atmospheres };
  }, []);

  useEffect(
    () => () => {
      assets.sphere.dispose();
      assets.glow.dispose();
      assets.corona.dispose();
      assets.groups.forEach(({ group, markerMaterial }) => {
        markerMaterial.dispose();
        group.traverse((object) => {
          if (object instanceof Mesh) (object.material as { dispose(): void }).dispose();
        });
      });
      assets.coronaSprite.material.dispose();
    },
    [assets],
  );

  const root = useRef<Group>(null);
  useFrame(() => {
    for (const id of BODY_IDS) {
      const entry = assets.groups.get(id);
      if (entry === undefined) continue;
      frame.renderPosition(id, entry.group.position);
      // apparent radius in tan units: fade the marker out once the body itself is bigger than it
      const distance = _position.copy(entry.group.position).sub(camera.position).length();
      const apparent = BODIES[id].radiusMm / Math.max(distance, 1e-9);
      const fade = Math.min(1, Math.max(0, 1 - (apparent - MARKER_SCALE * 0.08) / (MARKER_SCALE * 0.25)));
      entry.markerMaterial.opacity = fade;
      entry.marker.visible = fade > 0.01;
    }
    const sun = assets.groups.get('sun');
    if (sun !== undefined) {
      // the atmospheres' lit side: the Sun in view space
      _position.copy(sun.group.position).applyMatrix4(camera.matrixWorldInverse);
      for (const atmosphere of assets.atmospheres) {
        ((atmosphere.material as ShaderMaterial).uniforms['uSunView']!.value as Vector3).copy(_position);
      }
      assets.light.position.copy(sun.group.position);
      const distance = sun.group.position.distanceTo(camera.position);
      // the corona: ten solar radii when close, never less than ~10 % of the view when far
      assets.coronaSprite.scale.setScalar(Math.max(BODIES.sun.radiusMm * 10, distance * 0.1));
    }
  }, -1);

  return (
    <group ref={root}>
      <primitive object={assets.light} />
      {[...assets.groups.values()].map(({ group }) => (
        <primitive key={group.name} object={group} />
      ))}
    </group>
  );
}
