/**
 * The Chromium the browser tests and the browser benchmarks drive: Debian's (`apt-get install chromium`; test tools
 * must never download a browser), overridable with CHROMIUM_PATH. With these flags, headless Chromium gives WebGL2
 * and WebGPU, both executed on the CPU by SwiftShader (../shared/TOOLCHAIN.md). Without `--enable-unsafe-webgpu`
 * and the SwiftShader flags WebGL2 still works but `navigator.gpu.requestAdapter()` answers null.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
