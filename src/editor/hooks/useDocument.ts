import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColorizerClient } from '../../colorizer/worker/workerClient';
import { emptySession, serializeSession } from '../../core/session';
import type { Session } from '../../core/session/types';
import { DEFAULT_DEMO, DEMO_PHOTOS, type DemoCredit } from '../demo/credits';
import { downloadBlob } from '../files/download';
import { exportFileName, exportPng } from '../files/exportPng';
import { readSessionText, sessionFileName } from '../files/sessionFile';
import { photoStem } from '../photo/decodePhoto';
import { openPhoto, type Photo } from '../photo/photo';
import { Autosave } from '../store/autosave';
import type { EditorStore } from '../store/editorStore';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

const EXPORT_STAGE_TEXT = {
  decoding: 'Export: decoding the full-resolution photo…',
  colorizing: 'Export: colorizing at full resolution…',
  encoding: 'Export: encoding PNG…',
} as const;

/**
 * The open document: photo, autosave, session files and export. Every failure becomes a notice
 * and leaves the current photo and hints as they were.
 */
export function useDocument(
  store: EditorStore,
  client: ColorizerClient | null,
  onOpened: (p: Photo) => void,
) {
  const autosave = useRef(new Autosave()).current;
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [credit, setCredit] = useState<DemoCredit | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const photoRef = useRef<Photo | null>(null);

  const openBlob = useCallback(
    async (blob: Blob, fileName: string, restored?: { id: string; session: Session | null }) => {
      setBusy(`Opening ${fileName}…`);
      try {
        const next = await openPhoto(blob, fileName, restored?.id);
        const session =
          restored?.session ??
          emptySession({
            width: next.sourceWidth,
            height: next.sourceHeight,
            name: photoStem(fileName),
          });
        photoRef.current = next;
        setPhoto(next);
        setCredit(DEMO_PHOTOS.find((d) => d.file === fileName) ?? null);
        store.open(session);
        onOpened(next);
        setNotice(null);
        if (!restored) await autosave.savePhoto({ id: next.id, name: fileName, blob });
        await autosave.saveSession(next.id, session);
      } catch (error) {
        setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
      } finally {
        setBusy(null);
      }
    },
    [store, autosave, onOpened],
  );

  const openDemo = useCallback(
    async (file: string) => {
      const response = await fetch(`${import.meta.env.BASE_URL}demo/${file}`);
      if (!response.ok) {
        setNotice({ kind: 'error', text: `Demo photo ${file} is missing (${response.status}).` });
        return;
      }
      await openBlob(await response.blob(), file);
    },
    [openBlob],
  );

  // First visit: the bundled demo; later visits: exactly where the user left off.
  useEffect(() => {
    let cancelled = false;
    autosave.restore().then(
      (saved) => {
        if (cancelled) return;
        const demo = new URLSearchParams(window.location.search).get('demo');
        if (saved && !demo)
          void openBlob(saved.photo.blob, saved.photo.name, {
            id: saved.photo.id,
            session: saved.session,
          });
        else void openDemo(demo ?? DEFAULT_DEMO);
      },
      () => !cancelled && void openDemo(DEFAULT_DEMO),
    );
    return () => {
      cancelled = true;
    };
  }, [autosave, openBlob, openDemo]);

  const openSessionFile = useCallback(
    async (file: File) => {
      const current = photoRef.current;
      const session = store.session;
      if (!current || !session) return;
      const result = readSessionText(await file.text(), file.name, {
        width: current.sourceWidth,
        height: current.sourceHeight,
        name: session.image.name,
      });
      if (result.ok === false) setNotice({ kind: 'error', text: result.message });
      else if (result.ok === 'size-mismatch' && !window.confirm(result.question)) {
        setNotice({
          kind: 'info',
          text: `“${file.name}” was not applied; your work is unchanged.`,
        });
      } else {
        store.open(result.session);
        setNotice({
          kind: 'info',
          text: `Opened session “${file.name}” (${result.session.hints.length} hints).`,
        });
      }
    },
    [store],
  );

  const openFile = useCallback(
    (file: File) => {
      const isSession = file.name.endsWith('.json') || file.type === 'application/json';
      return isSession ? openSessionFile(file) : openBlob(file, file.name);
    },
    [openBlob, openSessionFile],
  );

  const saveSessionFile = useCallback(() => {
    const session = store.session;
    if (!session) return;
    const blob = new Blob([serializeSession(session)], { type: 'application/json' });
    downloadBlob(blob, sessionFileName(session.image.name || 'photo'));
  }, [store]);

  const exportImage = useCallback(async () => {
    const session = store.session;
    if (!client || !photo || !session) return;
    try {
      const blob = await exportPng(client, photo, session, (stage) =>
        setBusy(EXPORT_STAGE_TEXT[stage]),
      );
      downloadBlob(blob, exportFileName(photoStem(photo.fileName)));
      setNotice({ kind: 'info', text: `Exported ${photo.sourceWidth}×${photo.sourceHeight} PNG.` });
    } catch (error) {
      setNotice({
        kind: 'error',
        text: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(null);
    }
  }, [client, photo, store]);

  // Autosave after every finished change (not on every pointer move of a stroke).
  const snapshot = store.getSnapshot();
  useEffect(() => {
    if (!photo || !snapshot.session || snapshot.inGesture) return;
    autosave.saveSession(photo.id, snapshot.session).catch((error: unknown) => {
      setNotice({ kind: 'error', text: `Autosave failed: ${(error as Error).message}` });
    });
  }, [autosave, photo, snapshot.session, snapshot.inGesture]);

  return {
    photo,
    credit,
    notice,
    setNotice,
    busy,
    openFile,
    openDemo,
    saveSessionFile,
    exportImage,
  };
}
