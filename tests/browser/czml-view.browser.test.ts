/**
 * The CZML drawn by CesiumJS's own Viewer, offline (no imagery, no Ion, no globe: at the swarm's scale the Earth is
 * far below a pixel and the document marks it with a point): the swarm's points appear in their shells' colours
 * around the Sun. The picture is saved for people to look at, test-artifacts/screenshots/czml-cesium.png (the
 * README's assets/czml-cesium.png is a copy of it).
 */
import {
  Cartesian3,
  Color,
  CzmlDataSource,
  JulianDate,
  Matrix3,
  ReferenceFrame,
  Transforms,
  Viewer,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import { expect, it } from 'vitest';
import { page } from 'vitest/browser';

import { AU_M, OBLIQUITY_J2000_RAD } from '../../sim/constants.ts';
import { buildCzml } from '../../sim/report/czml/index.ts';
import { SHELL_PALETTE } from '../../sim/report/palettes.ts';
import { outputTimes } from '../../sim/simulate.ts';
import { loadBuiltinScenario } from '../../sim/scenario/load.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { createWorld } from '../../sim/world.ts';

const WIDTH = 900;
const HEIGHT = 600;

/** A pixel is a shell's colour if each channel is within this of it (points are antialiased at their rim). */
const COLOR_TOLERANCE = 40;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

it('Cesium draws the swarm of the CZML around the Sun', async () => {
  await page.viewport(WIDTH, HEIGHT);
  // where Cesium finds its own assets (the credit logo), served by vite: the documented global, read lazily
  (globalThis as { CESIUM_BASE_URL?: string }).CESIUM_BASE_URL = '/node_modules/cesium/Build/Cesium/';
  const scenario = loadBuiltinScenario('baseline');
  // the end of the story, with the whole growth history behind it
  const times = outputTimes(isoToTdbS('2050-09-01'), scenario.toTdbS, { kind: 'calendar', months: 1 });
  const world = createWorld(scenario, { tracers: 6000 });
  const czml = JSON.parse(JSON.stringify(buildCzml(world, times, { name: 'baseline', tracersShown: 4000 })));

  const container = document.createElement('div');
  container.style.cssText = `width:${WIDTH}px;height:${HEIGHT}px;position:absolute;left:0;top:0`;
  document.body.append(container);
  const viewer = new Viewer(container, {
    globe: false,
    baseLayer: false,
    baseLayerPicker: false,
    geocoder: false,
    animation: false,
    timeline: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    skyBox: false,
    skyAtmosphere: false,
    shouldAnimate: false,
  });
  try {
    const source = await viewer.dataSources.add(CzmlDataSource.load(czml));
    const time = JulianDate.fromIso8601('2050-12-01T00:00:00Z');
    viewer.clock.currentTime = time;
    viewer.scene.backgroundColor = Color.BLACK;
    viewer.camera.frustum.near = 1e6;
    (viewer.camera.frustum as { far: number }).far = 1e13;
    // look at the Sun from 2.6 au, 35 deg off the ecliptic pole, in the inertial frame (turned into Cesium's fixed one)
    const sun = source.entities
      .getById('body:sun')
      ?.position?.getValueInReferenceFrame(time, ReferenceFrame.INERTIAL);
    if (sun === undefined) throw new Error('no Sun');
    const icrfToFixed = Transforms.computeTemeToPseudoFixedMatrix(time, new Matrix3());
    const tilt = (35 * Math.PI) / 180;
    const pole = new Cartesian3(0, -Math.sin(OBLIQUITY_J2000_RAD), Math.cos(OBLIQUITY_J2000_RAD));
    // tilted along the ecliptic at right angles to the Sun-Earth line, so that the Earth is seen beside the Sun
    const toEarth = Cartesian3.normalize(Cartesian3.negate(sun, new Cartesian3()), new Cartesian3());
    const away = Cartesian3.normalize(Cartesian3.cross(pole, toEarth, new Cartesian3()), new Cartesian3());
    const offset = Cartesian3.add(
      Cartesian3.multiplyByScalar(pole, 2.6 * AU_M * Math.cos(tilt), new Cartesian3()),
      Cartesian3.multiplyByScalar(away, 2.6 * AU_M * Math.sin(tilt), new Cartesian3()),
      new Cartesian3(),
    );
    // aimed a third of the way from the Sun to the Earth, so both are well inside the picture
    const aim = Cartesian3.multiplyByScalar(sun, 2 / 3, new Cartesian3());
    const sunFixed = Matrix3.multiplyByVector(icrfToFixed, aim, new Cartesian3());
    const offsetFixed = Matrix3.multiplyByVector(icrfToFixed, offset, new Cartesian3());
    const eye = Cartesian3.add(sunFixed, offsetFixed, new Cartesian3());
    viewer.camera.setView({
      destination: eye,
      orientation: {
        direction: Cartesian3.normalize(Cartesian3.negate(offsetFixed, new Cartesian3()), new Cartesian3()),
        up: Matrix3.multiplyByVector(icrfToFixed, pole, new Cartesian3()),
      },
    });
    for (let k = 0; k < 20; k += 1) {
      viewer.render();
      await nextFrame();
    }
    // the pixels of the near-1au shell's colour: the swarm is drawn
    const canvas = viewer.scene.canvas;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    viewer.render();
    const context = copy.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(canvas, 0, 0);
    const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
    const target = [0x59, 0xd0, 0xff];
    expect(SHELL_PALETTE[0]).toBe('#59d0ff');
    let shellPixels = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (target.every((c, k) => Math.abs((pixels[i + k] as number) - c) <= COLOR_TOLERANCE))
        shellPixels += 1;
    }
    // The collectors fly in formations of 2,000 km about their compute nodes (sim/swarm/formation.ts), far below a
    // pixel at this scale: the near-1au shell is drawn as a few points, one per formation, each a few pixels (the
    // points are 2 px). A blank or mis-aimed view has none; a swarm of independent orbits (before formations) lit
    // about 3,400.
    const formations = new Set<number>();
    for (let k = 0; k < world.swarm.table.count; k += 1) {
      if (world.swarm.table.shellIndex[k] === 0) formations.add(world.swarm.tracerFormation[k] as number);
    }
    expect(shellPixels).toBeGreaterThan(0);
    expect(shellPixels).toBeLessThanOrEqual(16 * formations.size);
    await page.screenshot({ path: '../../test-artifacts/screenshots/czml-cesium.png', element: container });
  } finally {
    viewer.destroy();
    container.remove();
  }
});
