/** The Earth-side ledger of AI's electricity (the scenario's `ground` section). */
export * from './schema.ts';
export * from './series.ts';
export * from './resolve.ts';
export * from './levelised.ts';
export * from './ledger.ts';
export * from './charter.ts';
export * from './at.ts';
