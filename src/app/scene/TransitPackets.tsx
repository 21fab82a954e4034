/**
 * Collectors in heliocentric transit (sim/growth/transit.ts): packets along the transfer ellipses from the site to
 * the shell, each as bright as the launch rate when it left, in the colour of its site (the swarm's "by site"
 * palette). Positions are the core's, at the snapshot's time; between two snapshots they stay put (at most
 * 100 ms of playback, sim/stream and state/snapshotPump.ts), which at 1 day/s is a fraction of a pixel.
 */
import { Color } from 'three';
import type { TransitSceneState } from '../../../sim/stream/messages.ts';
import { useController } from '../state/context.tsx';
import { PacketLayer } from './PacketLayer.tsx';
import type { SceneFrame } from './sceneFrame.ts';
import { SITE_PALETTE } from '../../../sim/report/palettes.ts';

/** Most packets drawn, all paths together. */
const MAX_PACKETS = 4096;
const SITE_COLORS = SITE_PALETTE.map((hex) => new Color(hex));

/**
 * Render-space positions (Mm, relative to the frame's origin) and colours of the packets in flight. Returns how
 * many were written.
 */
export function layoutTransit(
  paths: readonly TransitSceneState[],
  frame: SceneFrame,
  position: Float32Array,
  color: Float32Array,
): number {
  let written = 0;
  for (const path of paths) {
    let maxRate = 0;
    for (const rate of path.packetRateKgPerS) maxRate = Math.max(maxRate, rate);
    if (!(maxRate > 0)) continue;
    const site = SITE_COLORS[(path.siteIndex + 1) % SITE_COLORS.length] as Color;
    const count = path.packetRateKgPerS.length;
    for (let k = 0; k < count && written < MAX_PACKETS; k += 1) {
      const rate = path.packetRateKgPerS[k] as number;
      if (!(rate > 0)) continue;
      for (let c = 0; c < 3; c += 1) {
        position[3 * written + c] =
          (path.positionsM[3 * k + c] as number) / 1e6 - (frame.origin[c] as number);
      }
      const level = 0.3 + 0.7 * (rate / maxRate);
      color[3 * written] = site.r * level;
      color[3 * written + 1] = site.g * level;
      color[3 * written + 2] = site.b * level;
      written += 1;
    }
  }
  return written;
}

export function TransitPackets({ frame }: { frame: SceneFrame }) {
  const controller = useController();
  return (
    <PacketLayer
      name="transit-packets"
      capacity={MAX_PACKETS}
      sizePx={3.5}
      layout={({ snapshot }, position, color) =>
        snapshot === null ? 0 : layoutTransit(snapshot.transit, frame, position, color)
      }
      report={(drawn) => {
        controller.drawnTransit = drawn;
      }}
    />
  );
}
