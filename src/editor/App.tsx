import { useRef, useState, useSyncExternalStore } from 'react';
import { referencePointCount } from '../core/exemplar';
import { clearAllNotice, colourHintCount, lightnessLookupFor, selectedPointOf } from './appHelpers';
import { commandActions } from './commandActions';
import { useColorGuess } from './hooks/useColorGuess';
import { useColorizer } from './hooks/useColorizer';
import { useDocument } from './hooks/useDocument';
import { useDropPhoto } from './hooks/useDropPhoto';
import { useFirstRunGuide } from './hooks/useFirstRunGuide';
import { useKeyboard } from './hooks/useKeyboard';
import { usePastePhoto } from './hooks/usePastePhoto';
import { usePhotoLightness } from './hooks/usePhotoLightness';
import { usePreview } from './hooks/usePreview';
import { useReference } from './hooks/useReference';
import { useStageView } from './hooks/useStageView';
import type { Command } from './shortcuts';
import { EditorStore } from './store/editorStore';
import { ColorPanel } from './ui/ColorPanel';
import { DropHighlight } from './ui/DropHighlight';
import { EditorCanvas } from './ui/EditorCanvas';
import { FirstRunGuide } from './ui/FirstRunGuide';
import { GlobalPanel } from './ui/GlobalPanel';
import { HelpDialog } from './ui/HelpDialog';
import { LibraryPanel } from './ui/LibraryPanel';
import { SizeControl } from './ui/SizeControl';
import { StatusBar } from './ui/StatusBar';
import { Toolbar } from './ui/Toolbar';
import { CreditLine, TopBar } from './ui/TopBar';
import { UncertaintyLegend } from './ui/UncertaintyLegend';

export function App() {
  const store = useRef(new EditorStore()).current;
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { session, settings, selected } = snapshot;
  const { client, status, reportMs } = useColorizer();
  const { view, setView, fitView, onOpened, onSize, zoomCentre } = useStageView();
  const [helpOpen, setHelpOpen] = useState(false);
  const [split, setSplit] = useState(0.5);

  const doc = useDocument(store, client, onOpened);
  const { photo } = doc;
  const selectedPoint = selectedPointOf(session, selected);
  const preview = usePreview(
    client,
    photo,
    session,
    snapshot.inGesture,
    status.workingSize,
    selectedPoint,
    settings.uncertaintyVisible,
    reportMs,
    view.scale,
    snapshot.inGesture && settings.tool !== 'point',
  );
  useColorGuess(store, photo, preview.shown);
  const referenceControl = useReference(store, photo);
  usePhotoLightness(store, photo);
  const guide = useFirstRunGuide(session);
  const lightness = lightnessLookupFor(photo, selectedPoint);

  const run = (command: Command) =>
    commandActions({
      store,
      tool: settings.tool,
      doc,
      zoom: view.scale,
      fitView,
      zoomCentre,
      toggleHelp: () => setHelpOpen((h) => !h),
    })[command]();
  const { spaceHeld } = useKeyboard(run);
  usePastePhoto(doc.openFile);
  const dropping = useDropPhoto(doc.openFile);

  return (
    <div className="app">
      <TopBar
        credit={doc.credit}
        fileName={photo?.fileName ?? null}
        canExport={client !== null && photo !== null}
        onOpenFile={(f) => void doc.openFile(f)}
        onDemo={(f) => void doc.openDemo(f)}
        onSaveSession={doc.saveSessionFile}
        onSaveProject={() => void doc.saveProjectFile()}
        library={<LibraryPanel {...doc.library} />}
        onExport={() => void doc.exportImage()}
        onClearAll={() => {
          const text = clearAllNotice(store.session);
          store.clearAll();
          if (text) doc.setNotice({ kind: 'info', text });
        }}
      />
      <Toolbar
        store={store}
        settings={settings}
        canUndo={snapshot.canUndo}
        canRedo={snapshot.canRedo}
        onFit={() => fitView()}
        onZoom={zoomCentre}
        onHelp={() => setHelpOpen(true)}
      />
      <main className="stage-area">
        {photo && session ? (
          <EditorCanvas
            store={store}
            photo={photo}
            session={session}
            settings={settings}
            selected={selected}
            color={preview.color}
            uncertainty={preview.uncertainty}
            view={view}
            onView={setView}
            onSize={onSize}
            split={split}
            spaceHeld={spaceHeld}
          />
        ) : (
          <div className="empty">
            {doc.busy ?? 'Drop a black-and-white photo here, paste one, or use Open…'}
          </div>
        )}
        {settings.compare && (
          <input
            className="split"
            type="range"
            min={0}
            max={1}
            step={0.001}
            value={split}
            aria-label="Before / after split position"
            onChange={(e) => setSplit(Number(e.target.value))}
          />
        )}
        {status.phase === 'loading' && (
          <div className="model-progress" role="status">
            Loading the colorization model… {Math.round(status.progress * 100)} %
            <progress max={1} value={status.progress} />
          </div>
        )}
        {doc.notice && (
          <div
            className={`notice ${doc.notice.kind}`}
            role={doc.notice.kind === 'error' ? 'alert' : 'status'}
            data-testid="notice"
          >
            <span>{doc.notice.text}</span>
            <button type="button" aria-label="Dismiss message" onClick={() => doc.setNotice(null)}>
              ×
            </button>
          </div>
        )}
        {doc.credit && <CreditLine credit={doc.credit} />}
        {photo && settings.uncertaintyVisible && (
          <UncertaintyLegend onHide={() => store.toggle('uncertaintyVisible', false)} />
        )}
        {photo && guide.showing && <FirstRunGuide onDismiss={guide.dismiss} />}
      </main>
      <aside className="sidebar" aria-label="Colour and global hints">
        <SizeControl store={store} settings={settings} />
        <ColorPanel
          color={selectedPoint?.ab ?? settings.color}
          recent={settings.recentColors}
          lightness={lightness}
          suggestions={preview.suggestions}
          hasSelection={selectedPoint !== null}
          onColor={(ab) => store.setColor(ab)}
          newPointColor={settings.newPointColor}
          onNewPointColor={(mode) => store.setNewPointColor(mode)}
        />
        {session && (
          <GlobalPanel
            global={session.global}
            onChange={(patch) => store.setGlobal(patch)}
            vividness={session.vividness}
            onVividness={(v) => store.setVividness(v)}
            onAdjust={(phase) => (phase === 'begin' ? store.beginAdjust() : store.endAdjust())}
            reference={session.reference}
            referenceControl={referenceControl}
            referencePoints={referencePointCount(session)}
          />
        )}
      </aside>
      <StatusBar
        status={status}
        imageSize={photo ? `${photo.sourceWidth}×${photo.sourceHeight}` : null}
        zoom={view.scale}
        hintCount={colourHintCount(session)}
        busy={doc.busy ?? preview.error}
        working={preview.working}
      />
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} onShowGuide={guide.reopen} />}
      {dropping && <DropHighlight />}
    </div>
  );
}
