import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LintReport } from '../../lib/contracts.js';
import { formatTime } from '../../lib/dates.js';
import { useI18n } from '../../i18n/i18n.js';
import { usePath } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { useDecisionTexts } from './decision-texts.js';
import {
  createDmnModeler,
  newDecisionXml,
  onEveryEdit,
  type DmnModeler,
  type DmnView,
} from './dmn-modeler.js';
import { LintPanel } from './lint-panel.js';
import { problemText } from './problem-text.js';
import { decisionApi, studioApi } from './studio.api.js';
import { fill, useStudioTexts } from './studio-texts.js';
import { useLeaveGuard } from './use-leave-guard.js';
import './studio.css';

const CHECK_DELAY_MS = 600;

/** A file the server cannot read (mid-edit, or not DMN) is one problem of the whole file. */
const unreadable = (message: string): LintReport => ({
  problems: [{ elementId: '', rule: 'invalid-dmn', severity: 'error', message }],
  deployable: false,
});

/**
 * /admin/decisions/:id: the decision file in dmn-js (decision tables, the decision diagram), checked by the server as
 * it is edited, saved as a draft, deployed as a new version. An id not deployed yet starts from a one-table file.
 */
export function DecisionEditorPage({ resourceId }: { resourceId: string }) {
  const s = useStudioTexts();
  const d = useDecisionTexts();
  const { locale } = useI18n();
  const { search } = usePath();
  const host = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<DmnModeler | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const [inUse, setInUse] = useState<number | undefined>(undefined);
  const [views, setViews] = useState<DmnView[]>([]);
  const [active, setActive] = useState<DmnView | undefined>(undefined);
  const [dirty, setDirty] = useState(false);
  const [report, setReport] = useState<LintReport | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useLeaveGuard(dirty, s.leaveConfirm);

  const currentXml = async (): Promise<string> =>
    (await modelerRef.current?.saveXML({ format: true }))?.xml ?? '';

  const check = useCallback(async () => {
    setChecking(true);
    try {
      setReport(await decisionApi.check(resourceId, await currentXml()));
    } catch (error) {
      setReport(unreadable(problemText(error, s.loadFailed)));
    } finally {
      setChecking(false);
    }
  }, [resourceId]);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      try {
        const [list, draft] = await Promise.all([
          decisionApi.list(),
          studioApi.draft('decision', resourceId).catch(() => null),
        ]);
        const newest = list.decisions.find((r) => r.decisionRequirementsId === resourceId)?.versions[0];
        const xml = newest
          ? (await decisionApi.versionXml(resourceId, newest.version)).xml
          : newDecisionXml(resourceId, search.get('ten') ?? resourceId);
        if (!alive || !host.current) return;
        const modeler = await createDmnModeler(host.current, locale);
        if (!alive) return modeler.destroy();
        modelerRef.current = modeler;
        modeler.on('views.changed', () => {
          setViews(modeler.getViews());
          setActive(modeler.getActiveView());
        });
        await modeler.importXML(draft?.content ?? xml);
        // A decision's table is what an administrator edits; the diagram is one choice away.
        const table = modeler.getViews().find((view) => view.type !== 'drd');
        if (table) await modeler.open(table);
        onEveryEdit(modeler, () => {
          setDirty(true);
          clearTimeout(timer);
          timer = setTimeout(() => void check(), CHECK_DELAY_MS);
        });
        setInUse(newest?.version);
        if (draft) setNotice(fill(s.draftRestored, { t: formatTime(draft.savedAt) }));
        // A new file is unsaved until it is deployed or saved as a draft.
        if (!newest && !draft) setDirty(true);
        setReady(true);
        document.body.dataset.dmnReady = 'true';
        await check();
      } catch (error) {
        if (alive) setProblem(problemText(error, s.loadFailed));
      }
    })();
    return () => {
      alive = false;
      clearTimeout(timer);
      delete document.body.dataset.dmnReady;
      modelerRef.current?.destroy();
      modelerRef.current = undefined;
    };
    // The page is keyed by resource: it loads once.
  }, [resourceId]);

  const saveDraft = async (): Promise<void> => {
    try {
      const saved = await studioApi.saveDraft('decision', resourceId, await currentXml());
      setDirty(false);
      setNotice(fill(s.draftSavedAt, { t: formatTime(saved.savedAt) }));
    } catch (error) {
      setProblem(problemText(error, s.loadFailed));
    }
  };

  const deploy = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    try {
      const result = await decisionApi.deploy(resourceId, await currentXml(), note.trim());
      setInUse(result.version);
      setDirty(false);
      setNote('');
      setNotice(fill(d.deployed, { n: result.version }));
    } catch (error) {
      // The engine's refusal comes with its reason after a Vietnamese lead.
      setProblem(problemText(error, s.lintBlocks));
      await check();
    } finally {
      setBusy(false);
    }
  };

  const openDecision = (elementId: string) => {
    const view = views.find((each) => each.element.id === elementId && each.type !== 'drd');
    if (view) void modelerRef.current?.open(view);
  };

  const deployable = ready && report?.deployable === true && note.trim().length > 0 && !busy;
  return (
    <section class="panel studio studio-editor" aria-labelledby="decision-editor-title">
      <div class="panel__title-row">
        <h1 id="decision-editor-title">
          {d.editorTitle} <code>{resourceId}</code>
          {inUse ? ` · ${s.version} ${inUse} (${s.versionInUse})` : ` · ${d.newResource}`}
        </h1>
        <div class="panel__title-actions">
          {dirty && <span class="studio-dirty">{s.unsaved}</span>}
          <button type="button" class="button" disabled={!ready} onClick={() => void saveDraft()}>
            {s.saveDraft}
          </button>
        </div>
      </div>
      {notice && <Alert kind="info">{notice}</Alert>}
      {problem && <Alert kind="error">{problem}</Alert>}
      {!ready && !problem && <p aria-busy="true">{d.loading}</p>}
      {views.length > 1 && (
        <nav class="dmn-views" aria-label={d.views}>
          {views.map((view) => (
            <button
              key={`${view.type}-${view.element.id}`}
              type="button"
              class="button"
              aria-pressed={active === view}
              onClick={() => void modelerRef.current?.open(view)}
            >
              {view.type === 'drd' ? d.viewDrd : view.element.name || view.element.id}
            </button>
          ))}
        </nav>
      )}
      <div class="dmn-editor" ref={host} />
      <LintPanel report={report} checking={checking} onSelect={openDecision} />
      <section class="studio-deploy" aria-labelledby="decision-deploy-title">
        <h2 id="decision-deploy-title">{s.deploy}</h2>
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
