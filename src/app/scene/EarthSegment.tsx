/**
 * The Earth segment of 2030-2040 (sim/earth): the power satellites in geostationary orbit, the rectennas on the
 * ground, and the beams between them, each as bright as the power it carries (logarithmically, from 100 kW to
 * 5 GW). Positions follow the displayed time through the Earth's rotation (earthRotation.ts); which satellite is in
 * service, eclipsed or beaming, and how much, comes from the last snapshot the worker computed.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group } from 'three';
import { useController } from '../state/context.tsx';
import { BODIES } from '../state/targets.ts';
import { gmstRad } from '../../../sim/geometry/earthRotation.ts';
import { earthFixedToEcliptic } from './earthRotation.ts';
import { createGlowPoints, createLightLines } from './glowDrawables.ts';
import { createGlowTexture } from './glowTexture.ts';
import type { SceneFrame } from './sceneFrame.ts';

const MAX_SATELLITES = 64;
const MAX_SITES = 64;
/** Beam brightness scale: log10 of the power, W, at zero and at full brightness. */
const BEAM_LOG_W: readonly [number, number] = [5, 9.7];
const SATELLITE_COLOR = [0.55, 1, 0.85] as const;
const ECLIPSED_COLOR = [0.45, 0.25, 0.25] as const;
const SITE_COLOR = [1, 0.85, 0.4] as const;

function brightness(powerW: number): number {
  if (!(powerW > 0)) return 0;
  return Math.min(1, Math.max(0.08, (Math.log10(powerW) - BEAM_LOG_W[0]) / (BEAM_LOG_W[1] - BEAM_LOG_W[0])));
}

export function EarthSegment({ frame }: { frame: SceneFrame }) {
  const { store } = useController();
  const objects = useMemo(() => {
    const glow = createGlowTexture(64);
    const group = new Group();
    group.name = 'earth-segment';
    const satellites = createGlowPoints('power-satellites', MAX_SATELLITES, 9, glow);
    const sites = createGlowPoints('rectennas', MAX_SITES, 7, glow);
    const beams = createLightLines('beams', MAX_SATELLITES);
    group.add(beams.object, satellites.object, sites.object);
    return { glow, group, satellites, sites, beams, siteIndex: new Map<string, number>() };
  }, []);

  useEffect(
    () => () => {
      objects.glow.dispose();
      objects.satellites.dispose();
      objects.sites.dispose();
      objects.beams.dispose();
    },
    [objects],
  );

  useFrame(() => {
    const earth = store.getState().snapshot?.earth ?? null;
    objects.group.visible = earth !== null;
    if (earth === null) return;
    frame.renderPosition('earth', objects.group.position);
    const gmst = gmstRad(frame.timeTdbS);
    const { position: sp, color: sc } = objects.satellites;
    const { position: gp, color: gc } = objects.sites;
    const { position: bp, color: bc } = objects.beams;

    let siteCount = 0;
    const { siteIndex } = objects;
    siteIndex.clear();
    for (const site of earth.sites) {
      if (!site.operational || siteCount >= MAX_SITES || !Number.isFinite(site.latitudeRad)) continue;
      // just above the surface, so the sphere does not hide the marker's centre
      earthFixedToEcliptic(
        site.latitudeRad,
        site.longitudeRad,
        BODIES.earth.radiusMm * 1.003,
        gmst,
        gp,
        3 * siteCount,
      );
      const b = 0.35 + 0.65 * brightness(site.deliveredPowerGridW);
      gc.set([SITE_COLOR[0] * b, SITE_COLOR[1] * b, SITE_COLOR[2] * b], 3 * siteCount);
      siteIndex.set(site.name, siteCount);
      siteCount += 1;
    }
    let satCount = 0;
    let beamCount = 0;
    for (const sat of earth.satellites) {
      if (!sat.inService || satCount >= MAX_SATELLITES || !Number.isFinite(sat.longitudeRad)) continue;
      const radius = BODIES.earth.radiusMm + sat.heightM / 1e6;
      earthFixedToEcliptic(sat.latitudeRad, sat.longitudeRad, radius, gmst, sp, 3 * satCount);
      sc.set(sat.inEclipse ? ECLIPSED_COLOR : SATELLITE_COLOR, 3 * satCount);
      const target = sat.servedSite === null ? undefined : siteIndex.get(sat.servedSite);
      const b = brightness(sat.transmitterDcPowerW);
      if (target !== undefined && b > 0 && !sat.inEclipse) {
        bp.set(sp.subarray(3 * satCount, 3 * satCount + 3), 6 * beamCount);
        bp.set(gp.subarray(3 * target, 3 * target + 3), 6 * beamCount + 3);
        bc.set([0.5 * b, 1 * b, 0.85 * b, 0.5 * b, 1 * b, 0.85 * b], 6 * beamCount);
        beamCount += 1;
      }
      satCount += 1;
    }
    objects.satellites.commit(satCount);
    objects.sites.commit(siteCount);
    objects.beams.commit(beamCount);
  }, -1);

  return <primitive object={objects.group} />;
}
