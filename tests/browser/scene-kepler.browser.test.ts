/**
 * The swarm's positions as the scene computes them, against the float64 CPU propagator, in real Chromium (WebGL2
 * on SwiftShader here): the shared shaders/kepler.glsl fed with the scene's own buffers (sim/stream/renderBuffers.ts
 * packSwarm, re-based on the main thread by rebaseSwarm up to SCENE_REBASE_MAX_PHASE_RAD away from the displayed
 * time), minus the render origin as a float32 pair, scaled to megametres: the vertex shader's path, read back by
 * transform feedback. (tests/browser/propagate-shaders covers the shader itself at the gpu backend's re-base phase.)
 *
 * Bounds, just above the worst errors observed (SwiftShader, Debian Chromium, November 2026): baseline 34.7 km
 * with the origin at the Sun and 57.1 km with it at the Earth (tracers are then up to 2 au from the origin, and the
 * float32 render-space vector rounds at that length); the eccentric set 61.8 km. That is about 3e-7 of the distance
 * from the origin, inside the shader's own GPU_POSITION_BOUND (5e-7 a). For scale: in the Earth-Moon view one
 * pixel spans about 1 600 km, in the whole-swarm view about 500 000 km.
 */
import { afterAll, expect, test } from 'vitest';
import {
  createTracerTable,
  createWorld,
  GM_SUN_M3_S2,
  isoToTdbS,
  loadScenario,
  propagate,
  setTracer,
  type TracerTable,
} from '../../sim/index.ts';
import { SECONDS_PER_DAY } from '../../sim/constants.ts';
import {
  packSwarm,
  rebaseSwarm,
  SCENE_REBASE_MAX_PHASE_RAD,
  type SwarmRenderBuffers,
} from '../../sim/stream/renderBuffers.ts';
import { KEPLER_GLSL } from '../../src/app/scene/swarmMaterial.ts';

/** Worst |GPU - float64| allowed for the baseline shells (0.68..1.05 au), Mm (1 Mm = 1000 km). */
const BASELINE_BOUND_MM = 0.06;
/** The same for the eccentric set (a up to 3 au, e up to 0.95), Mm. */
const ECCENTRIC_BOUND_MM = 0.065;

/** The vertex shader's computation of the render-space position, as in swarmMaterial.ts. */
const VERTEX = `#version 300 es
precision highp float;
${KEPLER_GLSL}
in vec4 aOrbitA;
in vec4 aOrbitB;
in vec4 aOrbitC;
uniform float uDtS;
uniform vec3 uOriginHigh;
uniform vec3 uOriginLow;
out vec3 vRel;
void main() {
  vRel = keplerRelative(keplerPosition(aOrbitA, aOrbitB, aOrbitC, uDtS), uOriginHigh, uOriginLow) * 1.0e-6;
  gl_Position = vec4(0.0, 0.0, 0.0, 1.0);
}`;
const FRAGMENT = `#version 300 es
precision highp float;
out vec4 color;
void main() { color = vec4(1.0); }`;

const canvas = document.createElement('canvas');
const gl = canvas.getContext('webgl2');
afterAll(() => gl?.getExtension('WEBGL_lose_context')?.loseContext());

function compile(context: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = context.createShader(type);
  if (shader === null) throw new Error('createShader failed');
  context.shaderSource(shader, source);
  context.compileShader(shader);
  if (!context.getShaderParameter(shader, context.COMPILE_STATUS)) {
    throw new Error(`shader: ${context.getShaderInfoLog(shader) ?? ''}`);
  }
  return shader;
}

/** Render-space positions (heliocentric - origin, Mm) from the shader, via transform feedback. */
function gpuPositions(
  context: WebGL2RenderingContext,
  swarm: SwarmRenderBuffers,
  tdbS: number,
  refTdbS: number,
  originMm: readonly [number, number, number],
): Float32Array {
  const program = context.createProgram();
  context.attachShader(program, compile(context, context.VERTEX_SHADER, VERTEX));
  context.attachShader(program, compile(context, context.FRAGMENT_SHADER, FRAGMENT));
  context.transformFeedbackVaryings(program, ['vRel'], context.SEPARATE_ATTRIBS);
  context.linkProgram(program);
  if (!context.getProgramParameter(program, context.LINK_STATUS)) {
    throw new Error(`link: ${context.getProgramInfoLog(program) ?? ''}`);
  }
  context.useProgram(program);
  const orbitA = Float32Array.from(swarm.orbitA);
  rebaseSwarm(swarm, refTdbS, orbitA);
  const vao = context.createVertexArray();
  context.bindVertexArray(vao);
  const attributes: Array<[string, Float32Array, number]> = [
    ['aOrbitA', orbitA, 4],
    ['aOrbitB', swarm.orbitB, 4],
    ['aOrbitC', swarm.orbitC, 4],
  ];
  for (const [name, data, size] of attributes) {
    const location = context.getAttribLocation(program, name);
    const buffer = context.createBuffer();
    context.bindBuffer(context.ARRAY_BUFFER, buffer);
    context.bufferData(context.ARRAY_BUFFER, data, context.STATIC_DRAW);
    context.enableVertexAttribArray(location);
    context.vertexAttribPointer(location, size, context.FLOAT, false, 0, 0);
  }
  const originM = originMm.map((v) => v * 1e6) as [number, number, number];
  const high = originM.map(Math.fround) as [number, number, number];
  context.uniform1f(context.getUniformLocation(program, 'uDtS'), tdbS - refTdbS);
  context.uniform3f(context.getUniformLocation(program, 'uOriginHigh'), ...high);
  context.uniform3f(
    context.getUniformLocation(program, 'uOriginLow'),
    originM[0] - high[0],
    originM[1] - high[1],
    originM[2] - high[2],
  );
  const out = context.createBuffer();
  context.bindBuffer(context.TRANSFORM_FEEDBACK_BUFFER, out);
  context.bufferData(context.TRANSFORM_FEEDBACK_BUFFER, 12 * swarm.count, context.STREAM_READ);
  context.bindBufferBase(context.TRANSFORM_FEEDBACK_BUFFER, 0, out);
  context.enable(context.RASTERIZER_DISCARD);
  context.beginTransformFeedback(context.POINTS);
  context.drawArrays(context.POINTS, 0, swarm.count);
  context.endTransformFeedback();
  context.disable(context.RASTERIZER_DISCARD);
  const result = new Float32Array(3 * swarm.count);
  context.getBufferSubData(context.TRANSFORM_FEEDBACK_BUFFER, 0, result);
  return result;
}

/** Worst |gpu - (reference - origin)|, Mm, over all tracers, and where. */
function worstError(
  table: TracerTable,
  swarm: SwarmRenderBuffers,
  tdbS: number,
  refTdbS: number,
  origin: readonly [number, number, number],
): { errorMm: number; index: number } {
  if (gl === null) throw new Error('no WebGL2');
  const gpu = gpuPositions(gl, swarm, tdbS, refTdbS, origin);
  const reference = new Float64Array(3 * table.count);
  propagate(table, tdbS, reference);
  let worst = { errorMm: -1, index: -1 };
  for (let k = 0; k < table.count; k += 1) {
    let sum = 0;
    for (let c = 0; c < 3; c += 1) {
      const d = (gpu[3 * k + c] as number) - ((reference[3 * k + c] as number) / 1e6 - (origin[c] as number));
      sum += d * d;
    }
    const error = Number.isNaN(sum) ? Infinity : Math.sqrt(sum);
    if (error > worst.errorMm) worst = { errorMm: error, index: k };
  }
  return worst;
}

/** Earth's heliocentric position at 2049-07-01 (approximately: only used as a large origin), Mm. */
const EARTH_LIKE_ORIGIN: readonly [number, number, number] = [-26_450.123456, -148_061.987654, 8.25];

test('WebGL2 is available', () => {
  expect(gl).not.toBeNull();
});

test('the baseline swarm: the scene’s positions agree with the float64 propagator', () => {
  const world = createWorld(loadScenario('baseline'), { tracers: 4000 });
  const table = world.swarm.table;
  const swarm = packSwarm(table, isoToTdbS('2030-01-01'));
  const t = isoToTdbS('2049-07-01T06:00:00Z');
  // the longest lag the scene lets through: SCENE_REBASE_MAX_PHASE_RAD for the fastest tracer
  const maxLagS = SCENE_REBASE_MAX_PHASE_RAD / swarm.maxMeanMotionRadS;
  for (const lagS of [0, 0.37 * maxLagS, -maxLagS, maxLagS]) {
    for (const origin of [[0, 0, 0] as const, EARTH_LIKE_ORIGIN]) {
      const worst = worstError(table, swarm, t, t - lagS, origin);
      console.log(
        `baseline, lag ${(lagS / SECONDS_PER_DAY).toFixed(1)} d, origin ${origin.join(',')}: worst ${(worst.errorMm * 1000).toFixed(2)} km`,
      );
      expect(worst.errorMm, JSON.stringify(worst)).toBeLessThanOrEqual(BASELINE_BOUND_MM);
    }
  }
});

test('eccentric and inclined orbits (e up to 0.95, a up to 3 au, any inclination): the solver converges', () => {
  const count = 2000;
  const table = createTracerTable(count);
  const epoch = isoToTdbS('2041-03-01');
  for (let k = 0; k < count; k += 1) {
    const u = (k + 0.5) / count;
    setTracer(
      table,
      k,
      {
        semiMajorAxisM: (0.3 + 2.7 * ((k * 0.618034) % 1)) * 1.495978707e11,
        eccentricity: 0.95 * ((k * 0.381966) % 1),
        inclinationRad: Math.PI * u,
        ascendingNodeRad: 2 * Math.PI * ((k * 0.7548777) % 1),
        argPeriapsisRad: 2 * Math.PI * ((k * 0.5698403) % 1),
        meanAnomalyRad: 2 * Math.PI * ((k * 0.4142136) % 1),
      },
      epoch,
      GM_SUN_M3_S2,
      1,
      epoch,
      0,
    );
  }
  const swarm = packSwarm(table, epoch);
  const t = isoToTdbS('2047-11-17');
  const worst = worstError(
    table,
    swarm,
    t,
    t - SCENE_REBASE_MAX_PHASE_RAD / swarm.maxMeanMotionRadS,
    [0, 0, 0],
  );
  console.log(`eccentric set: worst ${(worst.errorMm * 1000).toFixed(2)} km at tracer ${worst.index}`);
  expect(worst.errorMm, JSON.stringify(worst)).toBeLessThanOrEqual(ECCENTRIC_BOUND_MM);
});
