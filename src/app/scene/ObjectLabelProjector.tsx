/**
 * Labels for the named objects the scene draws (power satellites, rectennas, link platforms: the L4/L5 hubs, the
 * geostationary relay, the ground receiver): each frame, their screen positions (the picker's placements,
 * pickPositions.ts) are written into the pool of label elements ui/ObjectLabels.tsx registers
 * (controller.objectLabels), without a React render. Decluttered: labels are placed in order (the body labels'
 * boxes first), and one that would overlap a placed box, or sit under the top bar (TOP_BAR_PX), is hidden.
 */
import { useFrame } from '@react-three/fiber';
import { Vector3 } from 'three';
import { useController } from '../state/context.tsx';
import { rectennaRenderPosition, satelliteRenderPosition } from './pickPositions.ts';
import { layoutPowerLinks, type PlatformRef } from './PowerLinks.tsx';
import type { SceneFrame } from './sceneFrame.ts';

/** Height of the top bar's area, CSS px: no label is drawn there. */
export const TOP_BAR_PX = 72;
/** A label's box, CSS px: its text's advance (11 px font) plus the backing's padding; and its offset. */
const CHAR_PX = 6.4;
const LABEL_HEIGHT_PX = 16;
const OFFSET_PX = 8;

const _v = new Vector3();
const _p: number[] = [0, 0, 0];
const MAX_SLOTS = 64;
const scratch = {
  platformPosition: new Float32Array(3 * MAX_SLOTS),
  platformColor: new Float32Array(3 * MAX_SLOTS),
  beamPosition: new Float32Array(6 * MAX_SLOTS),
  beamColor: new Float32Array(6 * MAX_SLOTS),
};

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function ObjectLabelProjector({ frame }: { frame: SceneFrame }) {
  const controller = useController();
  useFrame((state) => {
    const pool = controller.objectLabels;
    if (pool.length === 0) return;
    const { width, height } = state.size;
    const snapshot = controller.store.getState().snapshot;
    const wanted: Array<{ text: string; kind: string; p: readonly number[] }> = [];
    const earth = snapshot?.earth ?? null;
    if (earth !== null) {
      for (const satellite of earth.satellites) {
        if (!satellite.inService || !Number.isFinite(satellite.longitudeRad)) continue;
        satelliteRenderPosition(frame, satellite, _p);
        wanted.push({ text: satellite.name, kind: 'satellite', p: [..._p] });
      }
      for (const site of earth.sites) {
        if (!site.operational || !Number.isFinite(site.latitudeRad)) continue;
        rectennaRenderPosition(frame, site, _p);
        wanted.push({ text: `${site.name} rectenna`, kind: 'rectenna', p: [..._p] });
      }
    }
    const refs: PlatformRef[] = [];
    const counts = layoutPowerLinks(snapshot?.links ?? [], frame, scratch, refs);
    const seen = new Set<string>();
    for (let k = 0; k < counts.platforms; k += 1) {
      const ref = refs[k];
      // one label per place: a relay receiving two hops is one platform on screen
      if (ref === undefined || seen.has(ref.label)) continue;
      seen.add(ref.label);
      wanted.push({
        text: ref.label,
        kind: 'platform',
        p: Array.from(scratch.platformPosition.subarray(3 * k, 3 * k + 3)),
      });
    }
    // the body labels already on screen take their room first
    const placed: Box[] = [];
    for (const element of controller.labels.values()) {
      if (element.style.visibility !== 'visible') continue;
      const box = element.getBoundingClientRect();
      placed.push({ x0: box.left, y0: box.top, x1: box.right, y1: box.bottom });
    }
    let used = 0;
    for (const label of wanted) {
      if (used >= pool.length) break;
      _v.set(label.p[0] as number, label.p[1] as number, label.p[2] as number).project(state.camera);
      if (!(_v.z < 1) || Math.abs(_v.x) > 1 || Math.abs(_v.y) > 1) continue;
      const x = ((_v.x + 1) / 2) * width + OFFSET_PX;
      const y = ((1 - _v.y) / 2) * height - OFFSET_PX - LABEL_HEIGHT_PX;
      const box = { x0: x, y0: y, x1: x + label.text.length * CHAR_PX + 8, y1: y + LABEL_HEIGHT_PX };
      if (box.y0 < TOP_BAR_PX || box.x1 > width || placed.some((other) => overlaps(box, other))) continue;
      placed.push(box);
      const element = pool[used] as HTMLElement;
      used += 1;
      if (element.textContent !== label.text) element.textContent = label.text;
      element.dataset['kind'] = label.kind;
      element.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
      element.style.visibility = 'visible';
    }
    for (let k = used; k < pool.length; k += 1) (pool[k] as HTMLElement).style.visibility = 'hidden';
  });
  return null;
}
