/**
 * The simulation Web Worker: a thin shell around the pure session (sim/stream/session.ts). It receives requests,
 * validates their shape, and posts replies with their large buffers transferred, not copied.
 */
import { isSimRequest, transferablesOf, type SimReply } from '../../sim/stream/messages.ts';
import { createSimSession } from '../../sim/stream/session.ts';

/** A macrotask boundary: lets queued requests (snapshots for the current world) run between load chunks. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const session = createSimSession({
  post(reply: SimReply): void {
    self.postMessage(reply, { transfer: transferablesOf(reply) });
  },
  yieldToEventLoop,
  now: () => performance.now(),
});

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isSimRequest(event.data)) session.handle(event.data);
});
