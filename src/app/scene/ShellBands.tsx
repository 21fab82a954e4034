/**
 * Where the scenario's orbit shells are: a faint band in the ecliptic from each shell's smallest to its largest
 * semi-major axis, in the shell's colour, drawn relative to the Sun. Visible before any collector arrives, so the
 * plan is readable from the first year. (The shells' inclinations, a few degrees, are not drawn.)
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Color, DoubleSide, Group, Mesh, MeshBasicMaterial, RingGeometry } from 'three';
import { useAppState } from '../state/context.tsx';
import type { SceneFrame } from './sceneFrame.ts';
import { SHELL_PALETTE } from '../../../sim/report/palettes.ts';

/** Band opacity, and the camera distances (Mm) between which the bands fade in: close views see through them. */
const BAND_OPACITY = 0.05;
const FADE_MM: readonly [number, number] = [2e4, 8e4];

export function ShellBands({ frame }: { frame: SceneFrame }) {
  const camera = useThree((state) => state.camera);
  const shells = useAppState((state) => state.world?.scenario.shells ?? null);
  const group = useMemo(() => {
    const bands = new Group();
    bands.name = 'shell-bands';
    (shells ?? []).forEach((shell, index) => {
      const [aMin, aMax] = shell.semiMajorAxisM;
      const geometry = new RingGeometry(aMin / 1e6, Math.max(aMax, aMin * 1.001) / 1e6, 256, 1);
      const material = new MeshBasicMaterial({
        color: new Color(SHELL_PALETTE[index % SHELL_PALETTE.length]),
        transparent: true,
        opacity: BAND_OPACITY,
        side: DoubleSide,
        depthWrite: false,
        toneMapped: false,
      });
      const band = new Mesh(geometry, material);
      band.name = `shell-band:${shell.name}`;
      bands.add(band);
    });
    return bands;
  }, [shells]);

  useEffect(
    () => () => {
      group.traverse((object) => {
        if (object instanceof Mesh) {
          object.geometry.dispose();
          (object.material as MeshBasicMaterial).dispose();
        }
      });
    },
    [group],
  );

  useFrame(() => {
    const { origin } = frame;
    group.position.set(-(origin[0] as number), -(origin[1] as number), -(origin[2] as number));
    // near a planet the camera sits inside a band, which would veil half the view
    const fade = Math.min(
      1,
      Math.max(0, (camera.position.length() - FADE_MM[0]) / (FADE_MM[1] - FADE_MM[0])),
    );
    group.visible = fade > 0;
    for (const band of group.children)
      ((band as Mesh).material as MeshBasicMaterial).opacity = BAND_OPACITY * fade;
  }, -1);

  return <primitive object={group} />;
}
