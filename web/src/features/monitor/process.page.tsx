import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '../../lib/counts.js';
import { useI18n } from '../../i18n/i18n.js';
import type { ProcessView } from '../../lib/contracts.js';
import { onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { problemMessage } from '../auth/problem-message.js';
import { INSTANCES_PATH } from './instances.page.js';
import { MonitorDiagram } from './monitor-diagram.js';
import { monitorApi } from './monitor.api.js';
import './monitor.css';

/** /monitor/processes/:id — each version's diagram with per-element counts across its instances. */
export function ProcessPage({ processId }: { processId: string }) {
  const { t, locale } = useI18n();
  const [view, setView] = useState<ProcessView | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [chosen, setChosen] = useState(0);
  useEffect(() => {
    let alive = true;
    monitorApi
      .process(processId)
      .then((found) => alive && setView(found))
      .catch((failure: unknown) => alive && setError(failure));
    return () => {
      alive = false;
    };
  }, [processId]);
  if (!view)
    return (
      <section class="panel">
        {error !== undefined ? (
          <Alert kind="error">{problemMessage(error, t, locale)}</Alert>
        ) : (
          <p class="muted">{t.loading}</p>
        )}
      </section>
    );
  const version = view.versions[chosen] ?? view.versions[0];
  const running = view.versions.reduce((sum, each) => sum + each.running, 0);
  const runningAtLeast = view.versions.some((each) => each.runningIsLowerBound);
  const instancesHref = version
    ? `${INSTANCES_PATH}?process=${encodeURIComponent(view.id)}&version=${version.version}`
    : INSTANCES_PATH;
  return (
    <section class="panel" aria-labelledby="process-title">
      <p>
        <a href={INSTANCES_PATH} onClick={(event) => onLinkClick(event, INSTANCES_PATH)}>
          {t.instanceBack}
        </a>
      </p>
      <h1 id="process-title">{t.processTitle(view.name)}</h1>
      <p>{t.processRunning(formatCount(running, runningAtLeast))}</p>
      <h2>{t.processVersions}</h2>
      <div class="monitor-versions" role="group" aria-label={t.processVersions}>
        {view.versions.map((each, index) => (
          <button
            key={each.key}
            type="button"
            class="scope-tabs__tab"
            aria-pressed={index === chosen}
            onClick={() => setChosen(index)}
          >
            {t.monitorVersionN(each.version)}{' '}
            <span class="badge">{t.processRunning(formatCount(each.running, each.runningIsLowerBound))}</span>
          </button>
        ))}
      </div>
      {version && (
        <>
          <MonitorDiagram key={version.key} bpmnXml={version.bpmnXml} elements={version.elements} />
          <p>
            <a href={instancesHref} onClick={(event) => onLinkClick(event, instancesHref)}>
              {t.processOpenInstances}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
