/**
 * A radial glow, drawn procedurally into a canvas at runtime (no image file): a bright core fading to transparent.
 * Used for the Sun's corona and the bodies' screen-size markers.
 */
import { CanvasTexture, SRGBColorSpace } from 'three';

export function createGlowTexture(
  size = 128,
  stops: ReadonlyArray<readonly [number, string]> = DEFAULT_STOPS,
) {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('createGlowTexture: no 2D canvas context');
  const gradient = context.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
  for (const [offset, color] of stops) gradient.addColorStop(offset, color);
  context.fillStyle = gradient;
  context.fillRect(0, 0, size, size);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

const DEFAULT_STOPS = [
  [0, 'rgba(255,255,255,1)'],
  [0.12, 'rgba(255,255,255,0.85)'],
  [0.3, 'rgba(255,255,255,0.28)'],
  [0.6, 'rgba(255,255,255,0.07)'],
  [1, 'rgba(255,255,255,0)'],
] as const;

/** The Sun's corona: a white-hot core going to gold, then a faint wide halo. */
export const CORONA_STOPS = [
  [0, 'rgba(255,255,245,1)'],
  [0.08, 'rgba(255,246,214,1)'],
  [0.18, 'rgba(255,214,130,0.55)'],
  [0.4, 'rgba(255,170,60,0.16)'],
  [0.7, 'rgba(255,140,40,0.04)'],
  [1, 'rgba(255,120,30,0)'],
] as const;
