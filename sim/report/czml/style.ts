/** How the document draws things: colours from the app's palettes (sim/report/palettes.ts), sizes, beam widths. */

/** CZML rgba (0..255) of an sRGB hex colour `#rrggbb`, with `alpha` in 0..255. */
export function rgbaOfHex(hex: string, alpha = 255): [number, number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}

/** Beam width at 1 MW and below, px; one more pixel per decade of power above (a GW beam is 4 px). */
const BEAM_WIDTH_AT_1MW_PX = 1;

/** A beam's width, px, for the power it carries, W (logarithmic, like the app's beam brightness). */
export function beamWidthPx(powerW: number): number {
  if (!(powerW > 1e6)) return BEAM_WIDTH_AT_1MW_PX;
  return Math.round((BEAM_WIDTH_AT_1MW_PX + Math.log10(powerW / 1e6)) * 100) / 100;
}

/** Colours of the bodies and the Earth segment (sRGB hex), close to the app's scene. */
export const BODY_COLORS = {
  sun: '#ffd36b',
  earth: '#6fa8ff',
  mercury: '#b5a99a',
  venus: '#e8cf8f',
  mars: '#d0623b',
  moon: '#d8d8d0',
  powerSatellite: '#99ffbf',
  rectenna: '#ffcc59',
  microwaveBeam: '#73ffd9',
  laserBeam: '#ff59bf',
  hub: '#ffe68c',
} as const;
