/**
 * The swarm's material: every tracer is one point whose position the vertex shader computes from its orbital
 * elements and the time, with the project's shared GPU Kepler (shaders/kepler.glsl, the gpu backend's algorithm,
 * checked against the float64 reference in real Chromium). Nothing is copied from JavaScript per frame but a few
 * uniforms; the orbitA attribute is refreshed only when the mean anomalies are re-based (see Swarm.tsx).
 *
 * Camera-relative: the render origin (the camera's centre, a float64 heliocentric position) reaches the shader as
 * a float32 pair (keplerRelative), and is subtracted from the heliocentric position before the view transform, so
 * the precision near the camera is not limited by the origin's magnitude. Positions are in metres in the shader and
 * scaled to the scene's megametres after the subtraction.
 */
import { AdditiveBlending, Color, ShaderMaterial, Vector3 } from 'three';
import keplerGlsl from '../../../shaders/kepler.glsl?raw';
import { AU_M } from '../../../sim/constants.ts';
import { SHELL_PALETTE, SITE_PALETTE } from '../../../sim/report/palettes.ts';

/** The shared Kepler GLSL (shaders/kepler.glsl), as compiled into the swarm's vertex shader. */
export const KEPLER_GLSL: string = keplerGlsl;

/** The palettes' lengths, compiled into the shader's uniform arrays. */
export const PALETTE_SIZE = SHELL_PALETTE.length;
export const SITE_PALETTE_SIZE = SITE_PALETTE.length;

const glslFloat = (value: number): string => (Number.isInteger(value) ? `${value}.0` : String(value));

const vertexShader = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
${KEPLER_GLSL}
uniform vec3 uOriginHigh;
uniform vec3 uOriginLow;
uniform float uDtS;
uniform float uTimeDays;
uniform float uPointSize;
uniform int uColorMode;
uniform vec3 uPalette[${PALETTE_SIZE}];
uniform vec3 uSitePalette[${SITE_PALETTE_SIZE}];
uniform vec3 uMarkerColor;
// the swarm's light (swarmBrightness.ts): each point's intensity, the fraction of tracers drawn, the size factor
uniform float uIntensity;
uniform float uKeep;
uniform float uSizeScale;
attribute vec4 aOrbitA;
attribute float aSite;
attribute vec4 aOrbitB;
attribute vec4 aOrbitC;
varying vec3 vColor;
varying float vAlpha;

// irradiance relative to 1 au -> colour (linear RGB): dim red (0.25) .. orange (1) .. white-yellow (4+)
vec3 irradianceColor(float s) {
  float x = clamp(log2(s) * 0.25 + 0.5, 0.0, 1.0);
  vec3 low = vec3(0.6, 0.03, 0.02);
  vec3 mid = vec3(1.0, 0.3, 0.03);
  vec3 high = vec3(1.0, 0.92, 0.6);
  return x < 0.5 ? mix(low, mid, x * 2.0) : mix(mid, high, x * 2.0 - 1.0);
}

// a uniform deviate in [0, 1) per vertex (an integer hash: no float precision trouble at millions of ids)
float vertexDeviate(int id) {
  uint h = uint(id) * 2654435761u;
  h ^= h >> 16;
  h *= 2246822519u;
  h ^= h >> 13;
  return float(h & 16777215u) / 16777216.0;
}

void main() {
  if (vertexDeviate(gl_VertexID) >= uKeep) {
    // not in the drawn subset: outside the clip volume, no fragment
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    vColor = vec3(0.0);
    vAlpha = 0.0;
    return;
  }
  vec3 helio = keplerPosition(aOrbitA, aOrbitB, aOrbitC, uDtS);
  vec3 rel = keplerRelative(helio, uOriginHigh, uOriginLow) * 1.0e-6;
  vec4 mvPosition = viewMatrix * vec4(rel, 1.0);
  gl_Position = projectionMatrix * mvPosition;
  gl_PointSize = uPointSize * uSizeScale;
  float age = uTimeDays - aOrbitC.z;
  vAlpha = uIntensity * mix(0.3, 1.0, clamp(age / 60.0, 0.0, 1.0));
  if (uColorMode == 3) {
    vColor = uMarkerColor;
  } else if (uColorMode == 0) {
    vColor = uPalette[int(mod(aOrbitC.w, ${glslFloat(PALETTE_SIZE)}))];
  } else if (uColorMode == 2) {
    vColor = uSitePalette[int(mod(aSite, ${glslFloat(SITE_PALETTE_SIZE)}))];
  } else {
    float au = ${glslFloat(AU_M)} / length(helio);
    vColor = irradianceColor(au * au);
  }
  #include <logdepthbuf_vertex>
}
`;

const fragmentShader = /* glsl */ `
#include <logdepthbuf_pars_fragment>
uniform int uColorMode;
varying vec3 vColor;
varying float vAlpha;
void main() {
  vec2 c = gl_PointCoord * 2.0 - 1.0;
  float r2 = dot(c, c);
  if (r2 > 1.0) discard;
  // collectors: a soft dot; markers (uColorMode 3): a bright ring around a glowing core
  float glow = uColorMode == 3
    ? exp(-40.0 * (sqrt(r2) - 0.72) * (sqrt(r2) - 0.72)) + 0.8 * exp(-9.0 * r2)
    : exp(-3.5 * r2);
  gl_FragColor = vec4(vColor, glow * vAlpha);
  #include <colorspace_fragment>
  #include <logdepthbuf_fragment>
}
`;

/**
 * uColorMode: 0 by shell, 1 by sunlight received, 2 by source site, 3 marker (one colour, uMarkerColor, drawn as a
 * ring: the compute nodes that fly among the collectors, ComputeNodes.tsx).
 */
export function createSwarmMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      uOriginHigh: { value: new Vector3() },
      uOriginLow: { value: new Vector3() },
      uDtS: { value: 0 },
      uTimeDays: { value: 0 },
      uPointSize: { value: 3 },
      uColorMode: { value: 0 },
      uPalette: { value: SHELL_PALETTE.map((hex) => new Color(hex)) },
      uSitePalette: { value: SITE_PALETTE.map((hex) => new Color(hex)) },
      uMarkerColor: { value: new Color('#ffffff') },
      // every point, at full intensity: the markers' setting; the swarm's comes from swarmLight each frame
      uIntensity: { value: 1 },
      uKeep: { value: 1 },
      uSizeScale: { value: 1 },
    },
    vertexShader,
    fragmentShader,
    transparent: true,
    depthWrite: false,
    blending: AdditiveBlending,
  });
}
