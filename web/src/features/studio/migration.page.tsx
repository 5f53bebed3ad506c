import { useEffect, useState } from 'preact/hooks';
import type { MigrationPreview, MigrationResult, StudioProcess } from '../../lib/contracts.js';
import { Alert } from '../../ui/alert.js';
import { problemText } from './problem-text.js';
import { useMigrationTexts } from './migration-texts.js';
import { migrationApi, studioApi } from './studio.api.js';
import { fill, useStudioTexts } from './studio-texts.js';
import './studio.css';

/** Source element id → target element id ('' = not mapped). */
type Mapping = Record<string, string>;

const mappingOf = (preview: MigrationPreview): Mapping =>
  Object.fromEntries(
    preview.sourceElements.map((element) => [
      element.id,
      preview.mappingInstructions.find((m) => m.sourceElementId === element.id)?.targetElementId ?? '',
    ]),
  );

const sameMapping = (a: Mapping, b: Mapping): boolean =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([key, value]) => b[key] === value);

/**
 * /admin/processes/:id/migration: move the running instances of one version to another. Choose the versions, preview
 * (count, where the waiting instances go, the step mapping, editable), then migrate: the engine moves each instance it
 * accepts, and the page lists the others with the engine's reason.
 */
export function MigrationPage({ processId }: { processId: string }) {
  const s = useStudioTexts();
  const m = useMigrationTexts();
  const [process, setProcess] = useState<StudioProcess | undefined>(undefined);
  const [source, setSource] = useState(0);
  const [target, setTarget] = useState(0);
  const [preview, setPreview] = useState<MigrationPreview | undefined>(undefined);
  const [mapping, setMapping] = useState<Mapping>({});
  const [result, setResult] = useState<MigrationResult | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  // Newest first: by default the newest version is the target, the oldest one with running instances the source.
  const load = async (pickDefaults: boolean): Promise<void> => {
    try {
      const found = (await studioApi.processes()).processes.find((p) => p.processDefinitionId === processId);
      if (!found) return setProblem(s.loadFailed);
      setProcess(found);
      if (!pickDefaults) return;
      const newest = found.versions[0]?.version ?? 0;
      const older = found.versions.filter((v) => v.version !== newest);
      setTarget(newest);
      setSource((older.find((v) => v.running > 0) ?? older[0])?.version ?? 0);
    } catch {
      setProblem(s.loadFailed);
    }
  };
  useEffect(() => {
    void load(true);
  }, [processId]);

  const choose = (update: () => void) => {
    update();
    setPreview(undefined);
    setResult(undefined);
  };

  const defaults = preview ? mappingOf(preview) : {};
  const customised = preview !== undefined && !sameMapping(mapping, defaults);
  const instructions = () =>
    Object.entries(mapping)
      .filter(([, targetId]) => targetId)
      .map(([sourceElementId, targetElementId]) => ({ sourceElementId, targetElementId }));

  const runPreview = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    setResult(undefined);
    try {
      const choice = { sourceVersion: source, targetVersion: target };
      const found = await migrationApi.preview(
        processId,
        preview ? { ...choice, mappingInstructions: instructions() } : choice,
      );
      setPreview(found);
      setMapping(mappingOf(found));
    } catch (error) {
      setProblem(problemText(error, s.loadFailed));
    } finally {
      setBusy(false);
    }
  };

  const migrate = async (): Promise<void> => {
    if (!preview) return;
    const question = fill(m.migrateConfirm, { n: preview.instances, s: source, t: target });
    if (!globalThis.confirm(question)) return;
    setBusy(true);
    setProblem(undefined);
    try {
      setResult(
        await migrationApi.migrate(processId, {
          sourceVersion: source,
          targetVersion: target,
          mappingInstructions: instructions(),
        }),
      );
      setPreview(undefined);
      // The running counts per version changed.
      await load(false);
    } catch (error) {
      setProblem(problemText(error, s.loadFailed));
    } finally {
      setBusy(false);
    }
  };

  const versions = process?.versions ?? [];
  return (
    <section class="panel studio" aria-labelledby="migration-title">
      <h1 id="migration-title">
        {m.title} <code>{processId}</code>
      </h1>
      <p>{m.intro}</p>
      {problem && <Alert kind="error">{problem}</Alert>}
      {process && versions.length < 2 && <Alert kind="info">{m.oneVersion}</Alert>}
      {versions.length >= 2 && (
        <div class="studio-deploy">
          <label class="field">
            <span>{m.source}</span>
            <select
              name="source-version"
              value={String(source)}
              onChange={(e) => choose(() => setSource(Number(e.currentTarget.value)))}
            >
              {versions.map((v) => (
                <option key={v.version} value={String(v.version)}>
                  {v.version} · {fill(m.running, { n: v.running })}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{m.target}</span>
            <select
              name="target-version"
              value={String(target)}
              onChange={(e) => choose(() => setTarget(Number(e.currentTarget.value)))}
            >
              {versions.map((v) => (
                <option key={v.version} value={String(v.version)}>
                  {v.version}
                  {v.version === versions[0]?.version ? ` (${s.versionInUse})` : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="button" disabled={busy} onClick={() => void runPreview()}>
            {preview ? m.previewAgain : m.preview}
          </button>
        </div>
      )}
      {result && (
        <section aria-live="polite">
          <Alert kind="success">
            {fill(m.migrated, { n: result.migrated.length, t: result.targetVersion })}
          </Alert>
          {result.failed.length > 0 && (
            <>
              <h2>{fill(m.failedTitle, { n: result.failed.length })}</h2>
              <div class="table-scroll">
                <table class="migration-failed">
                  <thead>
                    <tr>
                      <th scope="col">{m.instance}</th>
                      <th scope="col">{m.reason}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.failed.map((failure) => (
                      <tr key={failure.processInstanceKey} data-instance={failure.processInstanceKey}>
                        <td>{failure.processInstanceKey}</td>
                        <td>{failure.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
      {preview && (
        <>
          <p class="migration-count">
            {fill(m.instances, { v: preview.sourceVersion, n: preview.instances })}
          </p>
          <h2>{m.activeTitle}</h2>
          {preview.active.length === 0 && <p>{m.activeNone}</p>}
          <ul class="migration-active">
            {preview.active.map((entry) => (
              <li key={entry.elementId} data-element={entry.elementId}>
                <code>{entry.elementId}</code> ({fill(m.activeRow, { n: entry.instances })}) →{' '}
                {entry.targetElementId ? <code>{entry.targetElementId}</code> : <strong>{m.noTarget}</strong>}
              </li>
            ))}
          </ul>
          <h2>{m.mappingTitle}</h2>
          <div class="table-scroll">
            <table class="migration-mapping">
              <thead>
                <tr>
                  <th scope="col">{fill(m.sourceElement, { v: preview.sourceVersion })}</th>
                  <th scope="col">{fill(m.targetElement, { v: preview.targetVersion })}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sourceElements.map((element) => (
                  <tr key={element.id} data-source={element.id}>
                    <td>
                      {element.name || element.id} <code>{element.id}</code>
                    </td>
                    <td>
                      <select
                        aria-label={`${element.name || element.id} → ${fill(m.targetElement, { v: preview.targetVersion })}`}
                        value={mapping[element.id] ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setMapping((current) => ({ ...current, [element.id]: value }));
                        }}
                      >
                        <option value="">{m.notMapped}</option>
                        {preview.targetElements.map((candidate) => (
                          <option key={candidate.id} value={candidate.id}>
                            {candidate.name || candidate.id} ({candidate.id})
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {customised && <Alert kind="info">{m.mappingChanged}</Alert>}
          <button
            type="button"
            class="button button--primary"
            disabled={busy || customised || preview.instances === 0}
            onClick={() => void migrate()}
          >
            {m.migrate}
          </button>
        </>
      )}
    </section>
  );
}
