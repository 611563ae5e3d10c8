import type { Session } from '../../core/session';
import type { BackendName, LoadOptions, ModelMeta, UpsampleMethod } from '../types';

/** Display-resolution preview composed in the worker next to the working-res ab. */
export interface PreviewRequest {
  width: number;
  height: number;
  /** Default 'guided'. */
  method?: UpsampleMethod;
}

/** Messages client → worker. Every request has an id; the reply carries the same id. */
export type WorkerRequest =
  | { id: number; type: 'load'; options: LoadOptions }
  | { id: number; type: 'setImage'; width: number; height: number; L: Float32Array }
  | {
      id: number;
      type: 'colorize';
      session: Session;
      workingSize?: number;
      refine?: boolean;
      preview?: PreviewRequest;
      /** Buffers of earlier previews the client gave back, to compose into (./spareBuffers.ts). */
      spare?: ArrayBuffer[];
    }
  | { id: number; type: 'render'; session: Session; method?: UpsampleMethod; workingSize?: number }
  | { id: number; type: 'suggest'; x: number; y: number; k: number; exclude?: [number, number] }
  | { id: number; type: 'uncertainty' };

/** Messages worker → client. */
export type WorkerReply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'error'; message: string };

export interface LoadInfo {
  backend: BackendName;
  /** "name: reason" for each backend skipped (GPU probe) or that failed to start. */
  fallbacks: string[];
  /** Why the default order did not lead with a GPU backend ("no GPU found"), else null. */
  backendReason: string | null;
  meta: ModelMeta;
}

export interface WorkerColorizeResult {
  width: number;
  height: number;
  ab: Float32Array;
  ms: number;
  /** True when this repeats the previous reply (same session and options; ./repeatCache.ts). */
  repeated?: boolean;
  /** RGBA at the requested preview size, when one was asked for. From the worker, a repeat at
   * the preview size last answered has none: the client hands back that reply's preview. */
  preview?: { width: number; height: number; rgba: Uint8ClampedArray };
}

/** Transferable buffers of a value (typed arrays at the top level or one level down). */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && !out.includes(v.buffer)) out.push(v.buffer);
    } else if (v && typeof v === 'object' && depth < 2) {
      for (const child of Object.values(v)) visit(child, depth + 1);
    }
  };
  visit(value, 0);
  return out;
}
