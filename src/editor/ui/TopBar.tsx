import { type ReactNode, useRef } from 'react';
import { DEMO_PHOTOS, type DemoCredit } from '../demo/credits';

interface Props {
  credit: DemoCredit | null;
  fileName: string | null;
  canExport: boolean;
  onOpenFile: (file: File) => void;
  onDemo: (file: string) => void;
  onSaveSession: () => void;
  onSaveProject: () => void;
  /** The photo library's menu, next to Open. */
  library: ReactNode;
  onExport: () => void;
  onClearAll: () => void;
}

/** Top bar: brand, file actions, and the demo gallery. */
export function TopBar(props: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header className="topbar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Tintype
      </span>
      <span className="file-name" title={props.fileName ?? ''}>
        {props.fileName ?? 'No photo'}
      </span>
      <span className="grow" />
      <input
        ref={fileInput}
        type="file"
        hidden
        accept="image/jpeg,image/png,image/webp,.json,.tintype.json,application/json,.tintype"
        aria-label="Open a photo, a session file or a project file"
        data-testid="open-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onOpenFile(file);
        }}
      />
      <button
        type="button"
        aria-label="Open a photo, a session file or a project file (Ctrl+O)"
        onClick={() => fileInput.current?.click()}
      >
        Open…
      </button>
      {props.library}
      <details className="gallery">
        <summary aria-label="Demo photographs">Demo photos</summary>
        <ul className="gallery-grid">
          {DEMO_PHOTOS.map((p) => (
            <li key={p.file}>
              <button
                type="button"
                aria-label={`Open demo photo: ${p.title}, ${p.year}`}
                onClick={(e) => {
                  (
                    e.currentTarget.closest('details') as HTMLDetailsElement | null
                  )?.removeAttribute('open');
                  props.onDemo(p.file);
                }}
              >
                <img src={`${import.meta.env.BASE_URL}demo/${p.file}`} alt="" loading="lazy" />
                <span>
                  {p.title}, {p.year}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </details>
      <button
        type="button"
        aria-label="Clear all hints, the palette and the saturation"
        title="Clear all hints, the palette and the saturation (vividness stays; Ctrl+Z brings them back)"
        onClick={props.onClearAll}
      >
        Clear all
      </button>
      <button type="button" aria-label="Save session file (Ctrl+S)" onClick={props.onSaveSession}>
        Save session
      </button>
      <button
        type="button"
        aria-label="Save project file (photo and hints in one file)"
        onClick={props.onSaveProject}
      >
        Save project
      </button>
      <button
        type="button"
        className="primary"
        aria-label="Export PNG at full resolution"
        disabled={!props.canExport}
        onClick={props.onExport}
      >
        Export PNG
      </button>
    </header>
  );
}

/** Credit line for the demo photograph on screen. */
export function CreditLine({ credit }: { credit: DemoCredit }) {
  return (
    <p
      className="credit"
      data-testid="credit"
      title={`${credit.title} — ${credit.author}, ${credit.year}. Public domain: ${credit.whyPublicDomain}`}
    >
      <strong>{credit.title}</strong> — {credit.author}, {credit.year}. Public domain:{' '}
      {credit.whyPublicDomain}
    </p>
  );
}
