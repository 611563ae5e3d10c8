import { useEffect, useMemo } from 'react';
import { formatBytes, type StorageStatus, useStorageStatus } from '../hooks/useStorageStatus';
import type { LibraryEntry } from '../library/photoLibrary';

interface Props {
  entries: LibraryEntry[];
  thumbnails: Map<string, Blob>;
  currentId: string | null;
  /** Changes after library writes: the storage estimate is read again. */
  version: number;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
}

/** The photo library: every photo opened in this browser, its hint count, delete, storage use. */
export function LibraryPanel({ entries, thumbnails, currentId, version, onOpen, onDelete }: Props) {
  const storage = useStorageStatus(version);
  const urls = useMemo(
    () => new Map([...thumbnails].map(([id, blob]) => [id, URL.createObjectURL(blob)])),
    [thumbnails],
  );
  useEffect(
    () => () => {
      for (const url of urls.values()) URL.revokeObjectURL(url);
    },
    [urls],
  );

  return (
    <details className="library">
      <summary aria-label={`Photo library, ${entries.length} photos`}>
        Library ({entries.length})
      </summary>
      <div className="library-panel">
        <ul className="library-grid">
          {entries.map((e) => (
            <li
              key={e.id}
              data-testid="library-item"
              className={e.id === currentId ? 'current' : ''}
            >
              <button
                type="button"
                className="library-open"
                aria-label={`Open ${e.name} from the library`}
                aria-current={e.id === currentId ? 'true' : undefined}
                onClick={(event) => {
                  (
                    event.currentTarget.closest('details') as HTMLDetailsElement | null
                  )?.removeAttribute('open');
                  onOpen(e.id);
                }}
              >
                {urls.has(e.id) ? (
                  <img src={urls.get(e.id)} alt="" />
                ) : (
                  <span className="no-thumb" />
                )}
                <span className="library-name">{e.name}</span>
                <span className="library-hints">
                  {e.hintCount === 1 ? '1 hint' : `${e.hintCount} hints`}
                </span>
              </button>
              <button
                type="button"
                className="library-delete"
                aria-label={`Delete ${e.name} from the library`}
                title="Delete from the library"
                onClick={() => onDelete(e.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <p className="storage" data-testid="storage-status">
          {storageLine(storage)}
        </p>
      </div>
    </details>
  );
}

function storageLine({ usage, quota, persisted }: StorageStatus): string {
  // The estimate covers the whole site (the app and model the browser caches too).
  const used =
    usage === null
      ? 'Kept in this browser'
      : `Kept in this browser; Tintype uses ${formatBytes(usage)}${quota ? ` of ${formatBytes(quota)} available` : ''}`;
  if (persisted === true) return `${used} · persistent (kept until you delete it)`;
  if (persisted === false)
    return `${used} · not persistent: the browser may clear it when space runs low; save project files to keep work safe`;
  return used;
}
