/**
 * A thin limb glow for bodies with an atmosphere: a shell slightly larger than the body, brightest where the view
 * grazes it (a Fresnel-like term) and only on the sunlit side. Decorative, not a radiative-transfer model.
 */
import { AdditiveBlending, Color, FrontSide, ShaderMaterial, Vector3 } from 'three';

const vertexShader = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
uniform vec3 uSunView;
varying vec3 vNormalView;
varying vec3 vToCamera;
varying float vSunlit;
void main() {
  vec4 mvPosition = modelViewMatrix * vec4(position, 1.0);
  vNormalView = normalize(normalMatrix * normal);
  vToCamera = normalize(-mvPosition.xyz);
  vSunlit = dot(vNormalView, normalize(uSunView - mvPosition.xyz));
  gl_Position = projectionMatrix * mvPosition;
  #include <logdepthbuf_vertex>
}
`;

const fragmentShader = /* glsl */ `
#include <logdepthbuf_pars_fragment>
uniform vec3 uColor;
varying vec3 vNormalView;
varying vec3 vToCamera;
varying float vSunlit;
void main() {
  float rim = pow(1.0 - max(dot(normalize(vNormalView), normalize(vToCamera)), 0.0), 3.0);
  float light = smoothstep(-0.25, 0.35, vSunlit);
  gl_FragColor = vec4(uColor, rim * light * 0.9);
  #include <colorspace_fragment>
  #include <logdepthbuf_fragment>
}
`;

export function createAtmosphereMaterial(color: string): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uColor: { value: new Color(color) }, uSunView: { value: new Vector3() } },
    vertexShader,
    fragmentShader,
    transparent: true,
    depthWrite: false,
    blending: AdditiveBlending,
    side: FrontSide,
  });
}
