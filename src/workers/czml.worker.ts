/**
 * The CZML export Web Worker: a thin shell around the pure export (sim/stream/czmlExport.ts). It answers one
 * request per message (sim/stream/czmlMessages.ts); the page terminates it after the reply.
 */
import { answerCzmlRequest } from '../../sim/stream/czmlExport.ts';
import { isCzmlRequest } from '../../sim/stream/czmlMessages.ts';

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isCzmlRequest(event.data)) self.postMessage(answerCzmlRequest(event.data));
});
