/**
 * The lunar mass drivers' streams: payloads thrown off the Moon, each a glowing packet along the one curve all of
 * them follow in the Earth-Moon rotating frame (sim/growth/lunarStreamTemplate.ts: the circular restricted three-body
 * problem; the Moon is tidally locked, so the launch point and velocity are fixed in that frame). The curve comes
 * once with the world; each snapshot says how much each packet carries (the site's launch rate when it left).
 *
 * Per frame the curve is placed in the rotating frame of the displayed time: x from the Earth to the Moon (the
 * frame's ephemeris), z along the Moon's orbital pole (from the snapshot; it turns once in 18.6 years), centred on
 * the drawn Moon, with offsets far from the Moon scaled by the Earth-Moon distance now and those near it kept at
 * true size (lunarStreamOffsetScale). The packet at age 0 thus sits on the Moon's pole, and the stream turns with
 * the Moon.
 */
import { lunarStreamOffsetScale } from '../../../sim/growth/lunarStreamPositions.ts';
import type { MassDriverStreamSceneState, MassDriverStreamView } from '../../../sim/stream/messages.ts';
import { useController } from '../state/context.tsx';
import { PacketLayer } from './PacketLayer.tsx';
import type { SceneFrame } from './sceneFrame.ts';

/** Most packets drawn, all streams together. */
const MAX_PACKETS = 4096;
/** Packet colour (linear RGB): hot regolith-white. */
const PACKET_COLOR = [1, 0.78, 0.5] as const;

/**
 * Render-space positions (Mm, relative to the frame's origin) and colours of every stream's packets at the frame's
 * time. Returns the number of packets written.
 */
export function layoutStreams(
  views: readonly MassDriverStreamView[],
  states: readonly MassDriverStreamSceneState[],
  moonPole: readonly [number, number, number],
  frame: SceneFrame,
  position: Float32Array,
  color: Float32Array,
): number {
  const b = frame.bodies;
  const ex = b[9] as number;
  const ey = b[10] as number;
  const ez = b[11] as number;
  const mx = (b[12] as number) - ex;
  const my = (b[13] as number) - ey;
  const mz = (b[14] as number) - ez;
  const distance = Math.hypot(mx, my, mz);
  if (!(distance > 0)) return 0;
  const xx = mx / distance;
  const xy = my / distance;
  const xz = mz / distance;
  // z: the pole made orthogonal to x (Gram-Schmidt); y = z × x
  const dot = moonPole[0] * xx + moonPole[1] * xy + moonPole[2] * xz;
  let zx = moonPole[0] - dot * xx;
  let zy = moonPole[1] - dot * xy;
  let zz = moonPole[2] - dot * xz;
  const zn = Math.hypot(zx, zy, zz);
  if (!(zn > 0)) return 0;
  zx /= zn;
  zy /= zn;
  zz /= zn;
  const yx = zy * xz - zz * xy;
  const yy = zz * xx - zx * xz;
  const yz = zx * xy - zy * xx;
  // the Moon's centre in render space; the curve is laid out around it
  const ox = ex + mx - (frame.origin[0] as number);
  const oy = ey + my - (frame.origin[1] as number);
  const oz = ez + mz - (frame.origin[2] as number);
  const distanceM = distance * 1e6;
  let written = 0;
  views.forEach((view, s) => {
    const rates = states[s]?.packetRateKgPerS;
    if (rates === undefined) return;
    let maxRate = 0;
    for (const rate of rates) maxRate = Math.max(maxRate, rate);
    if (!(maxRate > 0)) return;
    const count = view.agesS.length;
    for (let k = 0; k < count && written < MAX_PACKETS; k += 1) {
      const rate = rates[k] ?? 0;
      if (!(rate > 0)) continue;
      const px = view.rotatingM[3 * k] as number;
      const py = view.rotatingM[3 * k + 1] as number;
      const pz = view.rotatingM[3 * k + 2] as number;
      // true size near the Moon, scaled with the Earth-Moon distance far from it (lunarStreamPositions.ts), in Mm
      const q = lunarStreamOffsetScale(Math.hypot(px, py, pz), distanceM) * 1e-6;
      const rx = px * q;
      const ry = py * q;
      const rz = pz * q;
      position[3 * written] = ox + rx * xx + ry * yx + rz * zx;
      position[3 * written + 1] = oy + rx * xy + ry * yy + rz * zy;
      position[3 * written + 2] = oz + rx * xz + ry * yz + rz * zz;
      // brighter where the driver launched more; fading with age so the stream's head reads as its source
      const level = (0.35 + 0.65 * (rate / maxRate)) * (1 - 0.6 * (k / count));
      color[3 * written] = PACKET_COLOR[0] * level;
      color[3 * written + 1] = PACKET_COLOR[1] * level;
      color[3 * written + 2] = PACKET_COLOR[2] * level;
      written += 1;
    }
  });
  return written;
}

export function MassDriverStreams({ frame }: { frame: SceneFrame }) {
  const controller = useController();
  return (
    <PacketLayer
      name="mass-driver-streams"
      capacity={MAX_PACKETS}
      sizePx={4}
      layout={({ world, snapshot }, position, color) =>
        world === null || snapshot === null
          ? 0
          : layoutStreams(world.streams, snapshot.streams, snapshot.moonPole, frame, position, color)
      }
      report={(drawn) => {
        controller.drawnPackets = drawn;
      }}
    />
  );
}
