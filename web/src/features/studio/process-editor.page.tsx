import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LintReport } from '../../lib/contracts.js';
import { formatTime } from '../../lib/dates.js';
import { Alert } from '../../ui/alert.js';
import { diffDiagrams, type ElementChange } from './diagram-diff.js';
import { DiffView } from './diff-view.js';
import { LintPanel } from './lint-panel.js';
import { createStudioModeler, showProblems, type Canvas, type StudioModeler } from './modeler.js';
import { studioApi } from './studio.api.js';
import { fill, useStudioTexts } from './studio-texts.js';
import './studio.css';
import { useLeaveGuard } from './use-leave-guard.js';

const LINT_DELAY_MS = 600;
const DIFF_MARKERS = ['diff-added', 'diff-changed'] as const;

interface Deployed {
  version: number;
  xml: string;
}

/** /admin/processes/:id: the diagram in the Camunda 8 modeler, linted as it is edited, saved as a draft, deployed. */
export function ProcessEditorPage({ processId }: { processId: string }) {
  const s = useStudioTexts();
  const canvasHost = useRef<HTMLDivElement>(null);
  const propertiesHost = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<StudioModeler | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const [deployed, setDeployed] = useState<Deployed | undefined>(undefined);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<LintReport | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [changes, setChanges] = useState<ElementChange[] | undefined>(undefined);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useLeaveGuard(dirty, s.leaveConfirm);

  const currentXml = async (): Promise<string> =>
    (await modelerRef.current?.saveXML({ format: true }))?.xml ?? '';

  const lint = useCallback(async () => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    setChecking(true);
    try {
      const result = await studioApi.lint(await currentXml());
      setReport(result);
      showProblems(modeler, result.problems);
    } catch {
      // A diagram the server cannot read yet (mid-edit) keeps the last report.
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      try {
        const [found, list] = await Promise.all([studioApi.catalogue(), studioApi.processes()]);
        const inUse = list.processes.find((p) => p.processDefinitionId === processId)?.versions[0];
        if (!inUse) throw new Error('unknown process');
        const [{ xml }, draft] = await Promise.all([
          studioApi.versionXml(processId, inUse.version),
          studioApi.draft('process', processId).catch(() => null),
        ]);
        if (!alive || !canvasHost.current || !propertiesHost.current) return;
        setDeployed({ version: inUse.version, xml });
        const modeler = await createStudioModeler(canvasHost.current, propertiesHost.current, found);
        if (!alive) return modeler.destroy();
        modelerRef.current = modeler;
        await modeler.importXML(draft?.content ?? xml);
        modeler.get<Canvas>('canvas').zoom('fit-viewport');
        if (draft) setNotice(fill(s.draftRestored, { t: formatTime(draft.savedAt) }));
        modeler.on('commandStack.changed', () => {
          setDirty(true);
          setChanges(undefined);
          clearTimeout(timer);
          timer = setTimeout(() => void lint(), LINT_DELAY_MS);
        });
        setReady(true);
        // For the benchmark and tests: ready, and when (ms since the navigation started).
        document.body.dataset.modelerReadyAt = String(Math.round(performance.now()));
        document.body.dataset.modelerReady = 'true';
        await lint();
      } catch {
        if (alive) setFailed(true);
      }
    })();
    return () => {
      alive = false;
      clearTimeout(timer);
      delete document.body.dataset.modelerReady;
      delete document.body.dataset.modelerReadyAt;
      modelerRef.current?.destroy();
      modelerRef.current = undefined;
    };
    // The page is keyed by process: it loads once.
  }, [processId]);

  const saveDraft = async (): Promise<void> => {
    try {
      const saved = await studioApi.saveDraft('process', processId, await currentXml());
      setDirty(false);
      setNotice(fill(s.draftSavedAt, { t: formatTime(saved.savedAt) }));
    } catch {
      setProblem(s.loadFailed);
    }
  };

  const clearMarkers = (list: ElementChange[] | undefined) => {
    const canvas = modelerRef.current?.get<Canvas>('canvas');
    for (const change of list ?? [])
      for (const marker of DIFF_MARKERS) canvas?.removeMarker(change.id, marker);
  };

  const toggleDiff = async (): Promise<void> => {
    if (changes) {
      clearMarkers(changes);
      setChanges(undefined);
      return;
    }
    if (!deployed) return;
    const found = diffDiagrams(deployed.xml, await currentXml());
    const canvas = modelerRef.current?.get<Canvas>('canvas');
    for (const change of found)
      if (change.kind !== 'removed') canvas?.addMarker(change.id, `diff-${change.kind}`);
    setChanges(found);
  };

  const deploy = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const xml = await currentXml();
      const result = await studioApi.deploy(processId, xml, note.trim());
      clearMarkers(changes);
      setChanges(undefined);
      setDeployed({ version: result.version, xml });
      setDirty(false);
      setNote('');
      setNotice(fill(s.deployed, { n: result.version }));
    } catch (error) {
      setProblem(error instanceof Error && error.message ? error.message : s.lintBlocks);
      await lint();
    } finally {
      setBusy(false);
    }
  };

  const select = (elementId: string) => {
    const modeler = modelerRef.current;
    const element = modeler?.get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
    if (element) modeler?.get<{ select(element: unknown): void }>('selection').select(element);
  };

  const deployable = ready && report?.deployable === true && note.trim().length > 0 && !busy;
  return (
    <section class="panel studio studio-editor" aria-labelledby="studio-editor-title">
      <div class="panel__title-row">
        <h1 id="studio-editor-title">
          {s.editorTitle} <code>{processId}</code>
          {deployed && ` · ${s.version} ${deployed.version} (${s.versionInUse})`}
        </h1>
        <div class="panel__title-actions">
          {dirty && <span class="studio-dirty">{s.unsaved}</span>}
          <button type="button" class="button" disabled={!ready} onClick={() => void saveDraft()}>
            {s.saveDraft}
          </button>
          <button type="button" class="button" disabled={!ready} onClick={() => void toggleDiff()}>
            {changes ? s.hideDiff : s.showDiff}
          </button>
        </div>
      </div>
      {failed && <Alert kind="error">{s.loadFailed}</Alert>}
      {notice && <Alert kind="info">{notice}</Alert>}
      {problem && <Alert kind="error">{problem}</Alert>}
      {!ready && !failed && <p aria-busy="true">{s.loadingModeler}</p>}
      <div class="studio-editor__work">
        <div class="studio-editor__canvas" ref={canvasHost} />
        <div class="studio-editor__properties" ref={propertiesHost} />
      </div>
      <LintPanel report={report} checking={checking} onSelect={select} />
      {changes && deployed && <DiffView changes={changes} version={deployed.version} />}
      <section class="studio-deploy" aria-labelledby="studio-deploy-title">
        <h2 id="studio-deploy-title">{s.deploy}</h2>
        <p class="studio-note">{s.migrationHint}</p>
        <label class="field">
          <span>{s.deployNote}</span>
          <input
            type="text"
            name="deploy-note"
            maxLength={500}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          class="button button--primary"
          disabled={!deployable}
          onClick={() => void deploy()}
        >
          {s.deploy}
        </button>
      </section>
    </section>
  );
}
