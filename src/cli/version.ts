/** Essaim's version (src/node/version.ts: the study files written by the typed API record it too). */
export { ESSAIM_VERSION } from '../node/version.ts';
