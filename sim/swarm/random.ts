/**
 * The seeded generator behind every random choice in a run (xoroshiro128+ from pure-rand): the same seed gives
 * the same sequence on every platform, so the same scenario and seed give the same swarm, bit for bit.
 */
import { xoroshiro128plus } from 'pure-rand/generator/XoroShiro';

/** Uniform doubles in [0, 1) with 53 random bits each. */
export interface UniformSource {
  next(): number;
}

export function createUniformSource(seed: number): UniformSource {
  const generator = xoroshiro128plus(seed | 0);
  return {
    next(): number {
      const high = generator.unsafeNext() >>> 5; // 27 bits
      const low = generator.unsafeNext() >>> 6; // 26 bits
      return (high * 67_108_864 + low) / 9_007_199_254_740_992; // (high * 2^26 + low) / 2^53
    },
  };
}
