/** Messages between the editor and its reference-matching worker (./referenceWorker.ts). */
import type { ReferenceTransfer } from '../../core/exemplar/types';
import type { GreyImage } from '../../core/image';
import type { SessionReference } from '../../core/session/types';

export interface ReferenceRequest {
  id: number;
  /** The reference photo file, decoded in the worker. */
  blob: Blob;
  name: string;
  /** The editor's grey working copy of the target, and the size its hints are in. */
  target: GreyImage;
  source: { width: number; height: number };
}

export type ReferenceReply =
  | { id: number; ok: true; transfer: ReferenceTransfer; reference: SessionReference }
  | { id: number; ok: false; message: string };
