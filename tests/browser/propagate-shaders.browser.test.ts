/**
 * The rendering shader's Kepler (shaders/kepler.glsl) against the float64 reference, tested like the gpu backend's
 * kernel: WebGL2 runs keplerPosition in a vertex shader and captures it by transform feedback, on SwiftShader in
 * real Chromium. Inputs are the packed columns
 * of sim/propagate/gpuRebase.ts, exactly what the scene uploads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import keplerGlsl from '../../shaders/kepler.glsl?raw';
import { createCheckTable } from '../../sim/propagate/checkTable.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import { GPU_POSITION_BOUND } from '../../sim/propagate/gpu.ts';
import { REBASE_MAX_PHASE_RAD } from '../../sim/propagate/gpuKernels.ts';
import { createGpuColumns, type GpuColumns } from '../../sim/propagate/gpuRebase.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import {
  GPU_DOMAIN,
  hardCaseRows,
  hardTimes,
  relativeErrors,
  rowArb,
  SPAN_2030_TDB_S,
  SPAN_2050_TDB_S,
  tableOf,
  worst,
} from '../propagate/helpers.ts';

type Evaluate = (columns: GpuColumns, dtS: number) => Promise<Float32Array>;

/** keplerPosition in a WebGL2 vertex shader, captured by transform feedback: xyz per tracer. */
function webgl2Evaluator(): Evaluate {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (gl === null) throw new Error('no WebGL2');
  const compile = (type: number, source: string): WebGLShader => {
    const shader = gl.createShader(type) as WebGLShader;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
      throw new Error(gl.getShaderInfoLog(shader) ?? 'compile');
    return shader;
  };
  const program = gl.createProgram();
  gl.attachShader(
    program,
    compile(
      gl.VERTEX_SHADER,
      `#version 300 es
precision highp float;
in vec4 orbitA;
in vec4 orbitB;
in vec4 orbitC;
uniform float dt;
out vec3 position;
${keplerGlsl}
void main() {
  position = keplerPosition(orbitA, orbitB, orbitC, dt);
  gl_Position = vec4(0.0, 0.0, 0.0, 1.0);
}`,
    ),
  );
  gl.attachShader(
    program,
    compile(
      gl.FRAGMENT_SHADER,
      '#version 300 es\nprecision highp float;\nout vec4 c;\nvoid main() { c = vec4(1.0); }',
    ),
  );
  gl.transformFeedbackVaryings(program, ['position'], gl.SEPARATE_ATTRIBS);
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS))
    throw new Error(gl.getProgramInfoLog(program) ?? 'link');
  return async (columns, dtS) => {
    gl.useProgram(program);
    const count = columns.count;
    for (const [name, data] of [
      ['orbitA', columns.orbitA],
      ['orbitB', columns.orbitB],
      ['orbitC', columns.orbitC],
    ] as const) {
      const location = gl.getAttribLocation(program, name);
      const buffer = gl.createBuffer();
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
      gl.enableVertexAttribArray(location);
      gl.vertexAttribPointer(location, 4, gl.FLOAT, false, 0, 0);
    }
    gl.uniform1f(gl.getUniformLocation(program, 'dt'), Math.fround(dtS));
    const output = gl.createBuffer();
    gl.bindBuffer(gl.TRANSFORM_FEEDBACK_BUFFER, output);
    gl.bufferData(gl.TRANSFORM_FEEDBACK_BUFFER, 12 * count, gl.STATIC_READ);
    gl.bindBufferBase(gl.TRANSFORM_FEEDBACK_BUFFER, 0, output);
    gl.enable(gl.RASTERIZER_DISCARD);
    gl.beginTransformFeedback(gl.POINTS);
    gl.drawArrays(gl.POINTS, 0, count);
    gl.endTransformFeedback();
    gl.disable(gl.RASTERIZER_DISCARD);
    const result = new Float32Array(3 * count);
    gl.getBufferSubData(gl.TRANSFORM_FEEDBACK_BUFFER, 0, result);
    gl.bindBufferBase(gl.TRANSFORM_FEEDBACK_BUFFER, 0, null);
    return result;
  };
}

async function worstError(
  evaluate: Evaluate,
  table: TracerTable,
  tdbS: number,
  rebaseTdbS = tdbS,
): Promise<number> {
  const columns = createGpuColumns(table, rebaseTdbS);
  const out = await evaluate(columns, tdbS - rebaseTdbS);
  const reference = new Float64Array(3 * table.count);
  propagateCpu64(table, tdbS, reference);
  return worst(relativeErrors(table, out, reference)).value;
}

const evaluators: Array<[string, () => Promise<Evaluate>]> = [
  ['shaders/kepler.glsl on WebGL2', async () => webgl2Evaluator()],
];

for (const [name, make] of evaluators) {
  describe(name, () => {
    it('agrees with cpu64 within GPU_POSITION_BOUND on random tables, the hard cases and 65536 tracers', async () => {
      const evaluate = await make();
      let largest = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(rowArb(GPU_DOMAIN), { minLength: 256, maxLength: 256 }),
          fc.double({ min: SPAN_2030_TDB_S, max: SPAN_2050_TDB_S, noNaN: true }),
          fc.double({ min: -1, max: 1, noNaN: true }),
          async (rows, tdbS, phase) => {
            const table = tableOf(rows);
            // re-based up to REBASE_MAX_PHASE_RAD of mean motion before t, as the host does
            const rebase = tdbS - (phase * REBASE_MAX_PHASE_RAD) / Math.max(...table.meanMotionRadS);
            const error = await worstError(evaluate, table, tdbS, rebase);
            largest = Math.max(largest, error);
            expect(error).toBeLessThanOrEqual(GPU_POSITION_BOUND);
          },
        ),
        { numRuns: 8 },
      );
      const hard = tableOf(hardCaseRows(GPU_DOMAIN));
      for (const tdbS of hardTimes()) largest = Math.max(largest, await worstError(evaluate, hard, tdbS));
      largest = Math.max(
        largest,
        await worstError(evaluate, createCheckTable(65_536, 31), SPAN_2030_TDB_S + 5e8),
      );
      expect(largest).toBeLessThanOrEqual(GPU_POSITION_BOUND);
      console.info(`${name}: worst relative position error ${largest.toExponential(3)}`);
    });

    it('fails a perturbed input (the check has teeth)', async () => {
      const evaluate = await make();
      const table = tableOf(hardCaseRows(GPU_DOMAIN));
      const columns = createGpuColumns(table, SPAN_2030_TDB_S);
      columns.orbitA[0] = (columns.orbitA[0] as number) + 1e-5; // 1e-5 rad of mean anomaly
      const out = await evaluate(columns, 0);
      const reference = new Float64Array(3 * table.count);
      propagateCpu64(table, SPAN_2030_TDB_S, reference);
      expect(relativeErrors(table, out, reference)[0]).toBeGreaterThan(GPU_POSITION_BOUND);
    });
  });
}
