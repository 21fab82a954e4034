/**
 * The swarm's power links (sim/energy): the hubs and relays each link passes through, and the beams between them,
 * each as bright as the power it carries (logarithmically). Placements come with the snapshot; positions are the
 * core's own (sim/energy/placement.ts receiverPlatformsAt) at the displayed time, so the platforms are exactly
 * where the ledger's geometry puts them and stay attached to the Earth while playing between two snapshots:
 * Sun-Earth L4 and L5 (hubs), the geostationary relay and the ground rectenna (Earth-fixed).
 * Hops received `cluster` (inside a formation of collectors) have no place of their own: their nodes are drawn on
 * the swarm's marker tracers (Swarm.tsx), and their beams, a few thousand km long, are far below a pixel.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group } from 'three';
import { lineOfSightClear } from '../../../sim/energy/occultation.ts';
import {
  receiverPlatformsAt,
  type PlatformKind,
  type PlatformPosition,
} from '../../../sim/energy/placement.ts';
import type { PowerLinkSceneState } from '../../../sim/stream/messages.ts';
import { useController } from '../state/context.tsx';
import { createGlowPoints, createLightLines } from './glowDrawables.ts';
import { createGlowTexture } from './glowTexture.ts';
import type { SceneFrame } from './sceneFrame.ts';

const MAX_PLATFORMS = 64;
const MAX_BEAMS = 64;
/** Brightness scale: log10 of the power, W, at the dimmest and at full brightness. */
const LOG_W: readonly [number, number] = [6, 11];

const COLORS = {
  hub: [1, 0.9, 0.55],
  geostationary: [0.6, 1, 0.75],
  ground: [1, 0.8, 0.35],
  laser: [1, 0.35, 0.75],
  microwave: [0.45, 1, 0.85],
} as const;

export function brightness(powerW: number): number {
  if (!(powerW > 0)) return 0;
  return Math.min(1, Math.max(0.12, (Math.log10(powerW) - LOG_W[0]) / (LOG_W[1] - LOG_W[0])));
}

function platformColor(kind: PlatformKind): readonly [number, number, number] {
  if (kind === 'geostationary') return COLORS.geostationary;
  if (kind === 'ground') return COLORS.ground;
  return COLORS.hub;
}

/** Which link, hop and receiver a drawn platform is (layoutPowerLinks), for the inspector. */
export interface PlatformRef {
  readonly link: string;
  /** The hop's index in the link. */
  readonly hop: number;
  /** The platform's index among the hop's placed receivers. */
  readonly unit: number;
  readonly label: string;
}

/** What the scene drew in the last frame (a diagnostic: state/sceneDiagnostics.ts). */
export interface PowerLinkDrawCounts {
  platforms: number;
  beams: number;
}

/**
 * Fill the platform and beam buffers for `links` at the frame's time. Returns the counts; positions are render
 * space (Mm), colours linear RGB scaled by brightness.
 */
export function layoutPowerLinks(
  links: readonly PowerLinkSceneState[],
  frame: SceneFrame,
  buffers: {
    platformPosition: Float32Array;
    platformColor: Float32Array;
    beamPosition: Float32Array;
    beamColor: Float32Array;
  },
  /** When given, receives what each drawn platform is (slot k: the k-th platform), for picking. */
  platformRefs?: PlatformRef[],
): PowerLinkDrawCounts {
  const { platformPosition, platformColor: pc, beamPosition, beamColor } = buffers;
  const earthM: [number, number, number] = [0, 0, 0];
  frame.bodyPosition('earth', earthM);
  for (let c = 0; c < 3; c += 1) earthM[c] = earthM[c]! * 1e6;
  let platforms = 0;
  let beams = 0;
  platformRefs?.splice(0);
  for (const link of links) {
    // the previous hop's receivers, as platform slots: the transmitters of the next hop
    let transmitters: Array<{ slot: number; platform: PlatformPosition }> = [];
    for (const [hopIndex, hop] of link.hops.entries()) {
      const receivers: Array<{ slot: number; platform: PlatformPosition }> = [];
      const placed =
        hop.receiverAt === null
          ? []
          : receiverPlatformsAt(hop.receiverAt, frame.timeTdbS).filter((p) => p.positionM !== null);
      const received = brightness(hop.outputDcPowerW / Math.max(1, placed.length));
      for (const [unit, platform] of placed.entries()) {
        if (platforms >= MAX_PLATFORMS || platform.positionM === null) break;
        platformRefs?.push({ link: link.name, hop: hopIndex, unit, label: platform.label });
        // heliocentric m -> render space Mm (float64 subtraction, then float32)
        for (let c = 0; c < 3; c += 1) {
          platformPosition[3 * platforms + c] = platform.positionM[c]! / 1e6 - (frame.origin[c] as number);
        }
        const color = platformColor(platform.kind);
        const b = 0.3 + 0.7 * received;
        pc[3 * platforms] = color[0] * b;
        pc[3 * platforms + 1] = color[1] * b;
        pc[3 * platforms + 2] = color[2] * b;
        receivers.push({ slot: platforms, platform });
        platforms += 1;
      }
      // only the pairs the Earth leaves in sight carry a beam (the ledger curtails the others at the same instant)
      const pairs = transmitters.flatMap((from) =>
        receivers
          .filter((to) => lineOfSightClear(from.platform, to.platform, earthM))
          .map((to) => [from.slot, to.slot] as const),
      );
      const b = pairs.length === 0 ? 0 : brightness(hop.radiatedPowerW / pairs.length);
      if (b > 0) {
        const color = hop.optical ? COLORS.laser : COLORS.microwave;
        for (const [from, to] of pairs) {
          if (beams >= MAX_BEAMS) break;
          beamPosition.set(platformPosition.subarray(3 * from, 3 * from + 3), 6 * beams);
          beamPosition.set(platformPosition.subarray(3 * to, 3 * to + 3), 6 * beams + 3);
          for (const end of [0, 3]) {
            beamColor[6 * beams + end] = color[0] * b;
            beamColor[6 * beams + end + 1] = color[1] * b;
            beamColor[6 * beams + end + 2] = color[2] * b;
          }
          beams += 1;
        }
      }
      transmitters = receivers;
    }
  }
  return { platforms, beams };
}

export function PowerLinks({ frame }: { frame: SceneFrame }) {
  const controller = useController();
  const objects = useMemo(() => {
    const glow = createGlowTexture(64);
    const group = new Group();
    group.name = 'power-links';
    const platforms = createGlowPoints('link-platforms', MAX_PLATFORMS, 12, glow);
    const beams = createLightLines('link-beams', MAX_BEAMS);
    group.add(beams.object, platforms.object);
    return { glow, group, platforms, beams };
  }, []);

  useEffect(
    () => () => {
      objects.glow.dispose();
      objects.platforms.dispose();
      objects.beams.dispose();
    },
    [objects],
  );

  useFrame(() => {
    const links = controller.store.getState().snapshot?.links ?? [];
    const { platforms, beams } = objects;
    const counts = layoutPowerLinks(links, frame, {
      platformPosition: platforms.position,
      platformColor: platforms.color,
      beamPosition: beams.position,
      beamColor: beams.color,
    });
    // always drawn, drawing nothing when there is nothing: the shaders are compiled at load, not mid-play
    platforms.commit(counts.platforms);
    beams.commit(counts.beams);
    controller.drawnLinks = counts;
  }, -1);

  return <primitive object={objects.group} />;
}
