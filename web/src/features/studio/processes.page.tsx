import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StudioProcess, StudioProcessList } from '../../lib/contracts.js';
import { formatDateTime } from '../../lib/dates.js';
import { onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { useMigrationTexts } from './migration-texts.js';
import { studioApi } from './studio.api.js';
import { fill, useStudioTexts } from './studio-texts.js';
import './studio.css';

/** /admin/processes: every process, its versions (who, when, why) and running instances per version. */
export function ProcessesPage() {
  const s = useStudioTexts();
  const m = useMigrationTexts();
  const [list, setList] = useState<StudioProcessList | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [message, setMessage] = useState<string | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      setList(await studioApi.processes());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const rollback = async (process: StudioProcess, version: number): Promise<void> => {
    if (!globalThis.confirm(fill(s.rollbackConfirm, { v: version }))) return;
    try {
      const result = await studioApi.rollback(process.processDefinitionId, version, '');
      setMessage(fill(s.rolledBack, { v: version, n: result.version }));
      await load();
    } catch {
      setFailed(true);
    }
  };

  return (
    <section class="panel studio" aria-labelledby="studio-processes-title">
      <h1 id="studio-processes-title">{s.processesTitle}</h1>
      <p>{s.processesIntro}</p>
      {message && <Alert kind="success">{message}</Alert>}
      {failed && <Alert kind="error">{s.loadFailed}</Alert>}
      {list?.processes.map((process) => {
        const path = `/admin/processes/${encodeURIComponent(process.processDefinitionId)}`;
        const migrationPath = `${path}/migration`;
        return (
          <article
            key={process.processDefinitionId}
            class="studio-process"
            data-process={process.processDefinitionId}
          >
            <div class="panel__title-row">
              <h2>
                {process.name} <code>{process.processDefinitionId}</code>
              </h2>
              <div class="panel__title-actions">
                {process.versions.length > 1 && (
                  <a
                    class="button"
                    href={migrationPath}
                    onClick={(event) => onLinkClick(event, migrationPath)}
                  >
                    {m.open}
                  </a>
                )}
                <a class="button button--primary" href={path} onClick={(event) => onLinkClick(event, path)}>
                  {s.openEditor}
                </a>
              </div>
            </div>
            <div class="table-scroll">
              <table class="studio-versions">
                <thead>
                  <tr>
                    <th scope="col">{s.version}</th>
                    <th scope="col">{s.deployedBy}</th>
                    <th scope="col">{s.deployedAt}</th>
                    <th scope="col">{s.note}</th>
                    <th scope="col">{s.running}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {process.versions.map((version, index) => (
                    <tr key={version.version} data-version={version.version}>
                      <td>
                        {version.version}
                        {index === 0 ? ` (${s.versionInUse})` : ''}
                      </td>
                      <td>{version.deployedBy ?? s.fromSeed}</td>
                      <td>{version.deployedAt ? formatDateTime(version.deployedAt) : ''}</td>
                      <td>{version.note ?? ''}</td>
                      <td class="studio-running">{version.running}</td>
                      <td>
                        {index > 0 && (
                          <button
                            type="button"
                            class="button"
                            onClick={() => void rollback(process, version.version)}
                          >
                            {s.rollback}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </article>
        );
      })}
    </section>
  );
}
