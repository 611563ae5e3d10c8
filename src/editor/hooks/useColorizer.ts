import { useEffect, useRef, useState } from 'react';
import type { BackendName } from '../../colorizer';
import { type ColorizerClient, createColorizerClient } from '../../colorizer/worker/workerClient';

export interface ColorizerStatus {
  phase: 'loading' | 'ready' | 'error';
  /** Model download progress in [0, 1]. */
  progress: number;
  backend: BackendName | null;
  /** "webgpu: navigator.gpu is missing …" for each backend that could not be used. */
  fallbacks: string[];
  /** Why no GPU backend was chosen by default ("no GPU found"); null otherwise. */
  backendReason: string | null;
  error: string | null;
  /** Wall time of the latest network run, ms. */
  lastMs: number | null;
  /** Completed runs so far (lets tests and the UI tell a fresh colouring from an old one). */
  runs: number;
  /** The model's default working size (long side), from its metadata once loaded. */
  workingSize: number | null;
}

const BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** `?backend=wasm` (or a comma list) forces a backend: e2e runs and users with flaky GPUs. */
export function backendFromQuery(search: string): BackendName[] | undefined {
  const value = new URLSearchParams(search).get('backend');
  if (!value) return undefined;
  const names = value
    .split(',')
    .filter((n): n is BackendName => BACKENDS.includes(n as BackendName));
  return names.length > 0 ? names : undefined;
}

export const MODEL_URL = `${import.meta.env.BASE_URL}models/tintype/model.json`;

/** Starts the colorizer worker once and loads the model; the client lives as long as the page. */
export function useColorizer(): {
  client: ColorizerClient | null;
  status: ColorizerStatus;
  reportMs: (ms: number) => void;
} {
  const clientRef = useRef<ColorizerClient | null>(null);
  const [status, setStatus] = useState<ColorizerStatus>({
    phase: 'loading',
    progress: 0,
    backend: null,
    fallbacks: [],
    backendReason: null,
    error: null,
    lastMs: null,
    runs: 0,
    workingSize: null,
  });

  useEffect(() => {
    const client = createColorizerClient();
    clientRef.current = client;
    let alive = true;
    client
      .load({ model: MODEL_URL, backend: backendFromQuery(window.location.search) }, (progress) => {
        if (alive) setStatus((s) => ({ ...s, progress }));
      })
      .then(
        (info) => {
          if (!alive) return;
          setStatus((s) => ({
            ...s,
            phase: 'ready',
            progress: 1,
            backend: info.backend,
            fallbacks: info.fallbacks,
            backendReason: info.backendReason,
            workingSize: info.meta.workingSize,
          }));
        },
        (error: unknown) => {
          if (!alive) return;
          const message = error instanceof Error ? error.message : String(error);
          setStatus((s) => ({
            ...s,
            phase: 'error',
            error: `The colorization model did not load: ${message}`,
          }));
        },
      );
    return () => {
      alive = false;
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  return {
    client: status.phase === 'ready' ? clientRef.current : null,
    status,
    reportMs: (ms) => setStatus((s) => ({ ...s, lastMs: ms, runs: s.runs + 1 })),
  };
}
