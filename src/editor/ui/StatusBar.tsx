import type { ColorizerStatus } from '../hooks/useColorizer';

interface Props {
  status: ColorizerStatus;
  imageSize: string | null;
  zoom: number;
  hintCount: number;
  busy: string | null;
  /** A colorize run is in flight; before the first result that is the warm-up. */
  working: boolean;
}

/** Bottom bar: model state, backend (and why a faster one was not used), timing, zoom. */
export function StatusBar({ status, imageSize, zoom, hintCount, busy, working }: Props) {
  const noWebGpu = status.fallbacks.find((f) => f.startsWith('webgpu'));
  const why = status.backendReason
    ? ` (${status.backendReason})`
    : noWebGpu && status.backend !== 'webgpu'
      ? ' (WebGPU unavailable — fell back)'
      : '';
  return (
    <footer className="statusbar">
      {status.phase === 'loading' && (
        <span className="loading" data-testid="model-loading">
          Loading model…{' '}
          <progress max={1} value={status.progress} aria-label="Model loading progress" />{' '}
          {Math.round(status.progress * 100)} %
        </span>
      )}
      {status.phase === 'error' && <span className="error">{status.error}</span>}
      {status.phase === 'ready' && (
        <span data-testid="backend" title={status.fallbacks.join('\n')}>
          Backend: <strong>{status.backend?.toUpperCase()}</strong>
          {why}
        </span>
      )}
      <span data-testid="inference-ms" data-runs={status.runs}>
        {status.lastMs === null ? 'Inference: —' : `Inference: ${status.lastMs.toFixed(0)} ms`}
      </span>
      {working && (
        <span className="busy" data-testid="colorizing">
          {status.runs === 0 ? 'Warming up the network…' : 'Colorizing…'}
        </span>
      )}
      {busy && (
        <span className="busy" role="status">
          {busy}
        </span>
      )}
      <span className="grow" />
      <span
        data-testid="hint-count"
        title="Colour hints: points and strokes (eraser strokes are not counted)"
      >
        {hintCount} {hintCount === 1 ? 'hint' : 'hints'}
      </span>
      {imageSize && <span>{imageSize}</span>}
      <span>{Math.round(zoom * 100)} %</span>
    </footer>
  );
}
