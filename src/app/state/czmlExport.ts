/**
 * The page's end of the CZML export worker (contract: sim/stream/czmlMessages.ts): one worker per export, started
 * for the world shown (its scenario source, tracer budget and seed) and terminated after its one reply.
 */
import { isCzmlReply, type CzmlRequest } from '../../../sim/stream/czmlMessages.ts';
import type { WorldView } from './store.ts';

/** What the export needs of a Worker (a real one, or a stand-in in tests). */
export interface CzmlWorkerLike {
  postMessage(message: CzmlRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export function createCzmlWorker(): CzmlWorkerLike {
  return new Worker(new URL('../../workers/czml.worker.ts', import.meta.url), {
    type: 'module',
    name: 'essaim-czml',
  });
}

/** A built document: the file name to offer and the CZML text. */
export interface CzmlDocument {
  readonly fileName: string;
  readonly text: string;
}

/** Build the CZML document of `world` in a worker of its own. Rejects with the worker's reason. */
export function exportCzml(
  world: WorldView,
  makeWorker: () => CzmlWorkerLike = createCzmlWorker,
): Promise<CzmlDocument> {
  const worker = makeWorker();
  return new Promise<CzmlDocument>((resolve, reject) => {
    worker.addEventListener('message', (event) => {
      if (!isCzmlReply(event.data)) return;
      worker.terminate();
      if (event.data.type === 'czml') resolve({ fileName: `${event.data.name}.czml`, text: event.data.text });
      else reject(new Error(event.data.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the CZML export worker failed to start'));
    });
    worker.postMessage({
      type: 'czml',
      seq: world.worldSeq,
      source: world.source,
      tracers: world.tracers,
      seed: world.scenario.seed,
    });
  });
}
