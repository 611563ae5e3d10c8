import { useCallback, useState } from 'react';
import type { ColorizerClient } from '../../colorizer/worker/workerClient';
import { serializeSession } from '../../core/session';
import { DEMO_PHOTOS, type DemoCredit } from '../demo/credits';
import { downloadBlob } from '../files/download';
import { exportFileName, exportPng } from '../files/exportPng';
import { isProjectFile, projectBlob, readProjectFile } from '../files/projectFile';
import { readSessionText, sessionFileName } from '../files/sessionFile';
import { photoStem } from '../photo/decodePhoto';
import type { Photo } from '../photo/photo';
import type { EditorStore } from '../store/editorStore';
import { errorText, type Notice } from './notice';
import { useFirstOpen } from './useFirstOpen';
import { useLibrary } from './useLibrary';

export type { Notice } from './notice';

const EXPORT_STAGE_TEXT = {
  decoding: 'Export: decoding the full-resolution photo…',
  colorizing: 'Export: colorizing at full resolution…',
  encoding: 'Export: encoding PNG…',
} as const;

/**
 * The open document: which library photo is on screen, session and project files, export. Every
 * failure becomes a notice and leaves the current photo and hints as they were.
 */
export function useDocument(
  store: EditorStore,
  client: ColorizerClient | null,
  onOpened: (p: Photo) => void,
) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const lib = useLibrary(store, onOpened, setNotice);
  const { photo } = lib;
  const credit: DemoCredit | null = photo
    ? (DEMO_PHOTOS.find((d) => d.file === photo.fileName) ?? null)
    : null;

  /** Runs one open/switch step with a busy line; its failure becomes the notice. */
  const attempt = useCallback(async (label: string, step: () => Promise<string | null>) => {
    setBusy(label);
    try {
      const done = await step();
      setNotice(done ? { kind: 'info', text: done } : null);
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(null);
    }
  }, []);

  /** A photo file: the library's copy when it has the same file, else a new library photo. */
  const openBlob = useCallback(
    (blob: Blob, fileName: string) =>
      attempt(`Opening ${fileName}…`, async () => {
        const { hash, known } = await lib.findByContent(blob);
        if (!known) {
          await lib.addPhoto(blob, fileName, null, hash);
          return null;
        }
        await lib.switchTo(known.id);
        return known.name === fileName
          ? null
          : `“${fileName}” is already in your library as “${known.name}”.`;
      }),
    [attempt, lib.findByContent, lib.addPhoto, lib.switchTo],
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

  const switchTo = useCallback(
    (id: string) =>
      attempt('Opening from the library…', async () => {
        await lib.switchTo(id);
        return null;
      }),
    [attempt, lib.switchTo],
  );

  useFirstOpen(lib.library, switchTo, openDemo, setNotice);

  const openSessionFile = useCallback(
    async (file: File) => {
      const session = store.session;
      if (!photo || !session) return;
      const result = readSessionText(await file.text(), file.name, {
        width: photo.sourceWidth,
        height: photo.sourceHeight,
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
    [store, photo],
  );

  /** A project file becomes a new library photo, whatever the library already holds. */
  const openProjectFile = useCallback(
    (file: File) =>
      attempt(`Opening ${file.name}…`, async () => {
        const project = await readProjectFile(file);
        await lib.addPhoto(project.photoBlob, project.photo.name, project.session);
        return `Opened project “${file.name}” (${project.session.hints.length} hints); it is now in your library.`;
      }),
    [attempt, lib.addPhoto],
  );

  const openFile = useCallback(
    (file: File) => {
      if (isProjectFile(file)) return openProjectFile(file);
      const isSession = file.name.endsWith('.json') || file.type === 'application/json';
      return isSession ? openSessionFile(file) : openBlob(file, file.name);
    },
    [openBlob, openSessionFile, openProjectFile],
  );

  const saveSessionFile = useCallback(() => {
    const session = store.session;
    if (!session) return;
    const blob = new Blob([serializeSession(session)], { type: 'application/json' });
    downloadBlob(blob, sessionFileName(session.image.name || 'photo'));
  }, [store]);

  const saveProjectFile = useCallback(async () => {
    const session = store.session;
    if (!photo || !session) return;
    try {
      const { blob, name } = await projectBlob(photo, session);
      downloadBlob(blob, name);
    } catch (error) {
      setNotice({ kind: 'error', text: `Could not save the project: ${errorText(error)}` });
    }
  }, [store, photo]);

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
      setNotice({ kind: 'error', text: `Export failed: ${errorText(error)}` });
    } finally {
      setBusy(null);
    }
  }, [client, photo, store]);

  /** Asks, then deletes a library photo (the photo on screen is replaced by another first). */
  const deletePhoto = useCallback(
    async (id: string) => {
      const entry = lib.entries.find((e) => e.id === id);
      if (!entry) return;
      const hints = entry.hintCount === 1 ? '1 hint' : `${entry.hintCount} hints`;
      const question = `Delete “${entry.name}” and its ${hints} from the library? This cannot be undone (Save project keeps a copy).`;
      if (!window.confirm(question)) return;
      await attempt('Deleting…', async () => {
        await lib.remove(id);
        return `Deleted “${entry.name}” from the library.`;
      });
    },
    [lib.entries, lib.remove, attempt],
  );

  return {
    photo,
    credit,
    notice,
    setNotice,
    busy,
    openFile,
    openDemo,
    saveSessionFile,
    saveProjectFile,
    exportImage,
    library: {
      entries: lib.entries,
      thumbnails: lib.thumbnails,
      currentId: lib.currentId,
      version: lib.version,
      onOpen: switchTo,
      onDelete: deletePhoto,
    },
  };
}
