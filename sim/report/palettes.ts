/**
 * The swarm's colours (sRGB hex), shared by the app's scene (the swarm's shader, the shell bands, the transit
 * packets) and UI (the target buttons' and the legend's swatches) and by the exports (CZML points,
 * sim/report/czml/), so all of them say the same colour for the same shell or site.
 */

/** Shell colours, in shell order; more shells cycle. */
export const SHELL_PALETTE: readonly string[] = [
  '#59d0ff',
  '#ffb14a',
  '#d67bff',
  '#7dff9a',
  '#ff6f7d',
  '#f5f07a',
  '#8fa8ff',
  '#ffffff',
];

/** Source-site colours: the Earth (the fixed schedule) first, then the growth model's sites in order. */
export const SITE_PALETTE: readonly string[] = [
  '#7a9cff',
  '#eeeae0',
  '#ff8a3d',
  '#ff5e7a',
  '#9be37a',
  '#4fe0d0',
  '#f0c2ff',
  '#ffe07a',
];
