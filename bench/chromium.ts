/**
 * The Chromium flags the browser benchmarks launch with: the tests' (chromium.config.ts, SwiftShader) unless
 * BENCH_CHROMIUM_ARGS (space-separated) replaces them, e.g. without --use-angle=swiftshader on a machine with a GPU.
 */
import { CHROMIUM_ARGS } from '../chromium.config.ts';

export function benchChromiumArgs(): string[] {
  const custom = process.env['BENCH_CHROMIUM_ARGS'];
  return custom === undefined || custom.trim() === '' ? [...CHROMIUM_ARGS] : custom.trim().split(/\s+/);
}

/** What WebGL draws with in a page: the unmasked renderer string where the browser gives it. */
export const WEBGL_RENDERER_SCRIPT = `(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (gl === null) return 'no WebGL2';
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(debug === null ? gl.RENDERER : debug.UNMASKED_RENDERER_WEBGL));
})()`;

/** Whether a WebGL renderer string names a software rasteriser (SwiftShader, llvmpipe, ...). */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}
