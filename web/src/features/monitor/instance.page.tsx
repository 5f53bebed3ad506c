import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { TextKey } from '../../i18n/messages.types.js';
import type { InstanceDetail } from '../../lib/contracts.js';
import { formatDateTime } from '../../lib/dates.js';
import { onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { InstanceAttachments } from '../attachments/task-attachments.js';
import { problemMessage } from '../auth/problem-message.js';
import { INSTANCES_PATH } from './instances.page.js';
import { MonitorDiagram } from './monitor-diagram.js';
import { monitorApi } from './monitor.api.js';
import './monitor.css';

type Notice = { kind: 'success' | 'error'; text: string } | undefined;

/**
 * A period's instance has a step per unit and round (hundreds of lines for 31 units): the page shows the latest
 * ones, the rest on request, so the data and actions below stay within reach.
 */
const HISTORY_SHOWN = 30;

function latestSteps<T extends { startDate: string }>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => b.startDate.localeCompare(a.startDate)).slice(0, HISTORY_SHOWN);
}

/** /monitor/instances/:key — the diagram with its overlays, incidents to retry, the data, the history, cancel. */
export function InstancePage({ instanceKey }: { instanceKey: string }) {
  const { t, locale } = useI18n();
  const [detail, setDetail] = useState<InstanceDetail | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<Notice>(undefined);
  const [busy, setBusy] = useState(false);
  const [wholeHistory, setWholeHistory] = useState(false);
  const load = useCallback(async () => {
    try {
      setDetail(await monitorApi.instance(instanceKey));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [instanceKey]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<void>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      setNotice({ kind: 'success', text: done });
      await load();
      return true;
    } catch (failure) {
      setNotice({ kind: 'error', text: problemMessage(failure, t, locale) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!detail)
    return (
      <section class="panel">
        {error !== undefined ? (
          <Alert kind="error">{problemMessage(error, t, locale)}</Alert>
        ) : (
          <p class="muted">{t.loading}</p>
        )}
      </section>
    );
  const { instance } = detail;
  const running = instance.state === 'ACTIVE';
  const processHref = `/monitor/processes/${encodeURIComponent(instance.processId)}`;
  return (
    <section class="panel" aria-labelledby="instance-title">
      <p>
        <a href={INSTANCES_PATH} onClick={(event) => onLinkClick(event, INSTANCES_PATH)}>
          {t.instanceBack}
        </a>
        {' · '}
        <a href={processHref} onClick={(event) => onLinkClick(event, processHref)}>
          {t.instanceOpenProcess}
        </a>
      </p>
      <h1 id="instance-title">{t.instanceTitle(instance.processName, instance.key)}</h1>
      <p>
        <span class="tag">{t[`state${instance.state}`]}</span>
        {instance.hasIncident && <span class="tag tag--danger">{t.monitorHasIncident}</span>}{' '}
        {t.monitorVersionN(instance.version)} · {t.colStarted}: {formatDateTime(instance.startDate)}
        {instance.endDate ? ` · ${t.colEnded}: ${formatDateTime(instance.endDate)}` : ''}
      </p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {!detail.mayAct && running && <p class="muted">{t.instanceReadOnly}</p>}

      <h2>{t.instanceDiagram}</h2>
      <MonitorDiagram bpmnXml={detail.bpmnXml} elements={detail.elements} flows={detail.flows} />

      <div class="monitor-section">
        <h2>{t.instanceIncidents}</h2>
        {detail.incidents.length === 0 && <p class="muted">{t.instanceNoIncidents}</p>}
        {detail.incidents.map((incident) => (
          <div class="monitor-incident" key={incident.key} data-testid="incident">
            <p>
              <strong>{t.incidentAt(incident.elementName, formatDateTime(incident.createdAt))}</strong>
            </p>
            <p class="monitor-incident__message">{incident.message}</p>
            {detail.mayAct && running && (
              <button
                type="button"
                class="button button--primary"
                disabled={busy}
                onClick={() =>
                  void act(() => monitorApi.retry(instance.key, incident.key), t.incidentRetried)
                }
              >
                {t.incidentRetry}
              </button>
            )}
          </div>
        ))}
      </div>

      <div class="monitor-section">
        <h2>{t.instanceData}</h2>
        {detail.variables === null ? (
          <p class="muted">{t.instanceDataHidden}</p>
        ) : (
          <dl class="monitor-vars">
            {detail.variables.map((variable) => (
              <div key={variable.name}>
                <dt>{variable.name}</dt>
                <dd>
                  <pre>{variable.text}</pre>
                  {variable.truncated && <p class="muted">{t.instanceDataTruncated}</p>}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {detail.mayAct && running && detail.variables !== null && (
          <VariableEditor
            busy={busy}
            onSave={(name, value) =>
              act(() => monitorApi.setVariables(instance.key, { [name]: value }), t.instanceDataSaved)
            }
          />
        )}
      </div>

      <div class="monitor-section">
        <h2>{t.instanceHistory}</h2>
        {!wholeHistory && detail.history.length > HISTORY_SHOWN && (
          <p class="muted">
            {t.historyShownOf(HISTORY_SHOWN, detail.history.length)}{' '}
            <button type="button" class="button" onClick={() => setWholeHistory(true)}>
              {t.historyShowAll(detail.history.length)}
            </button>
          </p>
        )}
        <table class="task-table">
          <thead>
            <tr>
              <th scope="col">{t.historyStep}</th>
              <th scope="col">{t.colState}</th>
              <th scope="col">{t.colStarted}</th>
              <th scope="col">{t.colEnded}</th>
              <th scope="col">{t.historyWho}</th>
              <th scope="col">{t.historyEvents}</th>
            </tr>
          </thead>
          <tbody>
            {(wholeHistory ? detail.history : latestSteps(detail.history)).map((line, index) => (
              <tr key={`${line.elementId}-${index}`}>
                <td data-label={t.historyStep}>
                  <div>{line.elementName}</div>
                </td>
                <td data-label={t.colState}>
                  <div>{t[`state${line.state}`]}</div>
                </td>
                <td data-label={t.colStarted}>
                  <div>{formatDateTime(line.startDate)}</div>
                </td>
                <td data-label={t.colEnded}>
                  <div>{line.endDate ? formatDateTime(line.endDate) : '—'}</div>
                </td>
                <td data-label={t.historyWho}>
                  <div>{line.assignee ?? '—'}</div>
                </td>
                <td data-label={t.historyEvents}>
                  <div>
                    {line.events
                      .map((event) => {
                        const key = `historyAction_${event.action}` as TextKey;
                        const label = key in t ? (t[key] as string) : event.action;
                        return `${event.actor} ${label} ${formatDateTime(event.at)}`;
                      })
                      .join('; ') || '—'}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <InstanceAttachments instanceKey={instance.key} />

      {detail.actions.length > 0 && (
        <div class="monitor-section">
          <h2>{t.instanceActions}</h2>
          <ul class="timeline">
            {detail.actions.map((action, index) => {
              const key = `action_${action.action.replace(/[.-]/g, '_')}` as TextKey;
              const label = key in t ? (t[key] as string) : action.action;
              return (
                <li key={index}>
                  {formatDateTime(action.at)} · {action.actor} · {label}
                  {action.detail ? `: ${action.detail}` : ''}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {detail.mayAct && running && (
        <CancelForm
          busy={busy}
          onCancel={(reason) => act(() => monitorApi.cancel(instance.key, reason), t.instanceCancelled)}
        />
      )}
    </section>
  );
}

function VariableEditor(props: { busy: boolean; onSave(name: string, value: unknown): Promise<boolean> }) {
  const { t } = useI18n();
  const nameId = useId();
  const valueId = useId();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <details class="monitor-section">
      <summary>{t.instanceDataEdit}</summary>
      <form
        class="monitor-form"
        onSubmit={(event) => {
          event.preventDefault();
          let parsed: unknown;
          try {
            parsed = JSON.parse(value);
          } catch {
            setInvalid(true);
            return;
          }
          setInvalid(false);
          void props.onSave(name.trim(), parsed);
        }}
      >
        <label for={nameId}>{t.instanceDataName}</label>
        <input id={nameId} required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for={valueId}>{t.instanceDataValue}</label>
        <input
          id={valueId}
          required
          value={value}
          aria-invalid={invalid}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        {invalid && <p class="field-error">{t.instanceDataBadJson}</p>}
        <button type="submit" class="button" disabled={props.busy}>
          {t.instanceDataSave}
        </button>
      </form>
    </details>
  );
}

function CancelForm(props: { busy: boolean; onCancel(reason: string): Promise<boolean> }) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <div class="monitor-section">
      <h2>{t.instanceCancel}</h2>
      <form
        class="monitor-form"
        onSubmit={(event) => {
          event.preventDefault();
          void props.onCancel(reason.trim());
        }}
      >
        <label for={id}>{t.instanceCancelReason}</label>
        <textarea
          id={id}
          required
          minLength={3}
          maxLength={500}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <button type="submit" class="button button--danger" disabled={props.busy}>
          {t.instanceCancelConfirm}
        </button>
      </form>
    </div>
  );
}
