/**
 * Moves the bodies' HTML labels (ui/LabelLayer.tsx, registered in controller.labels) to the bodies' screen
 * positions each frame, writing CSS transforms directly: no React render.
 */
import { useFrame } from '@react-three/fiber';
import { Vector3 } from 'three';
import { OBLIQUITY_J2000_RAD } from '../../../sim/constants.ts';
import { useController } from '../state/context.tsx';
import { isBodyId } from '../state/targets.ts';
import { GEOSTATIONARY_RADIUS_MM } from './Orbits.tsx';
import type { SceneFrame } from './sceneFrame.ts';

const _ndc = new Vector3();
/** Labels closer than this to the Earth's on screen (px) are hidden, except the Earth's. */
const MIN_LABEL_SEPARATION_PX = 36;
/** The ring's label shows when the ring is at least this wide on screen, px. */
const MIN_RING_LABEL_PX = 90;
/** A point of the geostationary ring (the J2000 equator is the ecliptic turned by -ε about x), from the Earth, Mm. */
const GEO_ANCHOR = new Vector3(
  0,
  GEOSTATIONARY_RADIUS_MM * Math.cos(OBLIQUITY_J2000_RAD),
  -GEOSTATIONARY_RADIUS_MM * Math.sin(OBLIQUITY_J2000_RAD),
);
const _earth = new Vector3();

export function LabelProjector({ frame }: { frame: SceneFrame }) {
  const controller = useController();
  useFrame((state) => {
    const { width, height } = state.size;
    frame.renderPosition('earth', _ndc);
    _ndc.project(state.camera);
    const earthX = ((_ndc.x + 1) / 2) * width;
    const earthY = ((1 - _ndc.y) / 2) * height;
    for (const [id, element] of controller.labels) {
      if (id === 'geo') {
        frame.renderPosition('earth', _earth);
        const ringPx =
          (GEOSTATIONARY_RADIUS_MM / Math.max(1e-9, _earth.distanceTo(state.camera.position))) * height;
        _ndc.copy(_earth).add(GEO_ANCHOR).project(state.camera);
        const show = ringPx > MIN_RING_LABEL_PX && _ndc.z < 1 && Math.abs(_ndc.x) < 1 && Math.abs(_ndc.y) < 1;
        element.style.visibility = show ? 'visible' : 'hidden';
        if (show) {
          element.style.transform = `translate(${(((_ndc.x + 1) / 2) * width).toFixed(1)}px, ${(((1 - _ndc.y) / 2) * height).toFixed(1)}px)`;
        }
        continue;
      }
      if (!isBodyId(id)) continue;
      frame.renderPosition(id, _ndc);
      _ndc.project(state.camera);
      const x = ((_ndc.x + 1) / 2) * width;
      const y = ((1 - _ndc.y) / 2) * height;
      // the Moon's label would sit on the Earth's until the two separate on screen
      const crowded = id === 'moon' && Math.hypot(x - earthX, y - earthY) < MIN_LABEL_SEPARATION_PX;
      const visible = !crowded && _ndc.z < 1 && Math.abs(_ndc.x) < 1.05 && Math.abs(_ndc.y) < 1.05;
      element.style.visibility = visible ? 'visible' : 'hidden';
      if (!visible) continue;
      element.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
    }
  });
  return null;
}
