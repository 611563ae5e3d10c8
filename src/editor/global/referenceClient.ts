import type { ReferenceTransfer } from '../../core/exemplar/types';
import type { GreyImage } from '../../core/image';
import type { SessionReference } from '../../core/session/types';
import type { ReferenceReply, ReferenceRequest } from './referenceProtocol';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: ReferenceReply) => void>();

function referenceWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./referenceWorker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<ReferenceReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    });
  }
  return worker;
}

/**
 * Matches `file` against the target in a worker: its hints (in the target's source pixels),
 * palette and the reference's description for the session. Throws with the reason.
 */
export async function matchReference(
  file: File,
  target: GreyImage,
  source: { width: number; height: number },
): Promise<{ transfer: ReferenceTransfer; reference: SessionReference }> {
  const id = nextId++;
  const reply = await new Promise<ReferenceReply>((resolve) => {
    waiting.set(id, resolve);
    referenceWorker().postMessage({
      id,
      blob: file,
      name: file.name,
      target,
      source,
    } satisfies ReferenceRequest);
  });
  if (!reply.ok) throw new Error(reply.message);
  return { transfer: reply.transfer, reference: reply.reference };
}
