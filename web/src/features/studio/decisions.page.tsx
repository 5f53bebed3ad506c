import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StudioDecisionList, StudioDecisionResource } from '../../lib/contracts.js';
import { formatDateTime } from '../../lib/dates.js';
import { navigate, onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { useDecisionTexts } from './decision-texts.js';
import { problemText } from './problem-text.js';
import { decisionApi } from './studio.api.js';
import { fill, useStudioTexts } from './studio-texts.js';
import './studio.css';

const RESOURCE_ID = /^[A-Za-z_][\w.-]{0,127}$/;
const editorPath = (id: string) => `/admin/decisions/${encodeURIComponent(id)}`;

/** /admin/decisions: every decision table with its versions (who, when, why) and decisions; a new one; roll back. */
export function DecisionsPage() {
  const s = useStudioTexts();
  const d = useDecisionTexts();
  const [list, setList] = useState<StudioDecisionList | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');

  const load = useCallback(async () => {
    try {
      setList(await decisionApi.list());
    } catch {
      setProblem(s.loadFailed);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const rollback = async (resource: StudioDecisionResource, version: number): Promise<void> => {
    if (!globalThis.confirm(fill(s.rollbackConfirm, { v: version }))) return;
    try {
      const result = await decisionApi.rollback(resource.decisionRequirementsId, version, '');
      setMessage(fill(d.rolledBack, { v: version, n: result.version }));
      await load();
    } catch (error) {
      setProblem(problemText(error, s.loadFailed));
    }
  };

  const create = (event: Event) => {
    event.preventDefault();
    const id = newId.trim();
    if (!RESOURCE_ID.test(id)) return setProblem(d.idInvalid);
    if (list?.decisions.some((resource) => resource.decisionRequirementsId === id))
      return setProblem(d.idTaken);
    const name = newName.trim() || id;
    navigate(`${editorPath(id)}?ten=${encodeURIComponent(name)}`);
  };

  return (
    <section class="panel studio" aria-labelledby="studio-decisions-title">
      <h1 id="studio-decisions-title">{d.listTitle}</h1>
      <p>{d.listIntro}</p>
      {message && <Alert kind="success">{message}</Alert>}
      {problem && <Alert kind="error">{problem}</Alert>}
      {list && list.decisions.length === 0 && <p>{d.none}</p>}
      {list?.decisions.map((resource) => {
        const path = editorPath(resource.decisionRequirementsId);
        return (
          <article
            key={resource.decisionRequirementsId}
            class="studio-process"
            data-decision={resource.decisionRequirementsId}
          >
            <div class="panel__title-row">
              <h2>
                {resource.name} <code>{resource.decisionRequirementsId}</code>
              </h2>
              <a class="button button--primary" href={path} onClick={(event) => onLinkClick(event, path)}>
                {d.open}
              </a>
            </div>
            <div class="table-scroll">
              <table class="studio-versions">
                <thead>
                  <tr>
                    <th scope="col">{s.version}</th>
                    <th scope="col">{d.decisions}</th>
                    <th scope="col">{s.deployedBy}</th>
                    <th scope="col">{s.deployedAt}</th>
                    <th scope="col">{s.note}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {resource.versions.map((version, index) => (
                    <tr key={version.version} data-version={version.version}>
                      <td>
                        {version.version}
                        {index === 0 ? ` (${s.versionInUse})` : ''}
                      </td>
                      <td>{version.decisions.map((decision) => decision.name).join('; ')}</td>
                      <td>{version.deployedBy ?? ''}</td>
                      <td>{version.deployedAt ? formatDateTime(version.deployedAt) : ''}</td>
                      <td>{version.note ?? ''}</td>
                      <td>
                        {index > 0 && (
                          <button
                            type="button"
                            class="button"
                            onClick={() => void rollback(resource, version.version)}
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
      <form class="studio-deploy" aria-labelledby="decision-create-title" onSubmit={create}>
        <h2 id="decision-create-title">{d.createTitle}</h2>
        <label class="field">
          <span>{d.createId}</span>
          <input
            name="decision-id"
            maxLength={128}
            value={newId}
            onInput={(event) => setNewId(event.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{d.createName}</span>
          <input
            name="decision-name"
            maxLength={200}
            value={newName}
            onInput={(event) => setNewName(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button">
          {d.create}
        </button>
      </form>
    </section>
  );
}
