import type { ReferenceTransfer } from '../../core/exemplar/types';
import type { GreyImage } from '../../core/image';
import type { SessionReference } from '../../core/session/types';
import { workerRequests } from '../workerRequests';
import type { ReferenceReply, ReferenceRequest } from './referenceProtocol';

const matchInWorker = workerRequests<ReferenceRequest, ReferenceReply>(
  () => new Worker(new URL('./referenceWorker.ts', import.meta.url), { type: 'module' }),
);

/**
 * Matches `file` against the target in a worker: its hints (in the target's source pixels),
 * palette and the reference's description for the session. Throws with the reason.
 */
export async function matchReference(
  file: File,
  target: GreyImage,
  source: { width: number; height: number },
): Promise<{ transfer: ReferenceTransfer; reference: SessionReference }> {
  const reply = await matchInWorker({ blob: file, name: file.name, target, source });
  if (!reply.ok) throw new Error(reply.message);
  return { transfer: reply.transfer, reference: reply.reference };
}
