import { useEffect, useId, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { InstanceList, InstanceState } from '../../lib/contracts.js';
import { formatCount } from '../../lib/counts.js';
import { DATE_PLACEHOLDER, formatDateTime } from '../../lib/dates.js';
import { navigate, onLinkClick, usePath } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { Pager } from '../../ui/pager.js';
import { problemMessage } from '../auth/problem-message.js';
import { monitorApi } from './monitor.api.js';
import {
  isoOfTyped,
  queryFromSearch,
  searchOf,
  typedOfIso,
  type QueryField,
  type QueryText,
} from './monitor-query.js';
import './monitor.css';

const STATES: InstanceState[] = ['ACTIVE', 'COMPLETED', 'TERMINATED'];
export const INSTANCES_PATH = '/monitor/instances';

function Field(props: { label: string; children: (id: string) => preact.JSX.Element }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.children(id)}
    </div>
  );
}

/** /monitor/instances: every instance the user may watch, filtered from the address, with counts per state. */
export function InstancesPage() {
  const { t, locale } = useI18n();
  const { search } = usePath();
  const query = queryFromSearch(search);
  const searchText = searchOf(query);
  const [list, setList] = useState<InstanceList | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [draft, setDraft] = useState<QueryText>(query);
  // "Lọc" with unchanged filters loads the list again (new instances appear as the engine records them).
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    const shown = queryFromSearch(new URLSearchParams(searchText));
    setDraft({ ...shown, from: typedOfIso(shown.from), to: typedOfIso(shown.to) });
    monitorApi
      .list(searchText)
      .then((found) => {
        if (!alive) return;
        setList(found);
        setError(undefined);
      })
      .catch((failure: unknown) => alive && setError(failure));
    return () => {
      alive = false;
    };
  }, [searchText, tick]);

  const go = (next: QueryText) => navigate(`${INSTANCES_PATH}${searchOf(next)}`);
  const set = (field: QueryField, value: string) => setDraft({ ...draft, [field]: value });
  const stateLabel = (state: InstanceState) => t[`state${state}`];
  const versions = list?.processes.find((process) => process.id === draft.process)?.versions ?? [];
  const sortValue = `${query.sort ?? 'startDate'}:${query.order ?? 'desc'}`;
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;

  return (
    <section class="panel" aria-labelledby="monitor-title">
      <div class="panel__title-row">
        <h1 id="monitor-title">{t.monitorTitle}</h1>
        <div class="panel__title-actions">
          {list && <p class="muted">{t.monitorCount(formatCount(list.total, list.totalIsLowerBound))}</p>}
        </div>
      </div>
      <form
        class="monitor-filters"
        aria-label={t.monitorFilters}
        onSubmit={(event) => {
          event.preventDefault();
          go({ ...draft, from: isoOfTyped(draft.from), to: isoOfTyped(draft.to), page: undefined });
          setTick((value) => value + 1);
        }}
      >
        <Field label={t.monitorProcess}>
          {(id) => (
            <select
              id={id}
              value={draft.process ?? ''}
              onChange={(e) => set('process', e.currentTarget.value)}
            >
              <option value="">{t.monitorAllProcesses}</option>
              {list?.processes.map((process) => (
                <option key={process.id} value={process.id}>
                  {process.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.monitorVersion}>
          {(id) => (
            <select
              id={id}
              value={draft.version ?? ''}
              onChange={(e) => set('version', e.currentTarget.value)}
            >
              <option value="">{t.monitorAllVersions}</option>
              {versions.map((version) => (
                <option key={version} value={String(version)}>
                  {t.monitorVersionN(version)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.monitorState}>
          {(id) => (
            <select id={id} value={draft.state ?? ''} onChange={(e) => set('state', e.currentTarget.value)}>
              <option value="">{t.monitorAllStates}</option>
              {STATES.map((state) => (
                <option key={state} value={state}>
                  {stateLabel(state)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.monitorIncidents}>
          {(id) => (
            <select
              id={id}
              value={draft.incidents ?? ''}
              onChange={(e) => set('incidents', e.currentTarget.value)}
            >
              <option value="">{t.monitorIncidentsAny}</option>
              <option value="true">{t.monitorIncidentsYes}</option>
              <option value="false">{t.monitorIncidentsNo}</option>
            </select>
          )}
        </Field>
        <Field label={t.monitorUnit}>
          {(id) => (
            <select id={id} value={draft.unit ?? ''} onChange={(e) => set('unit', e.currentTarget.value)}>
              <option value="">{t.monitorAllUnits}</option>
              {list?.units.map((unit) => (
                <option key={unit.code} value={unit.code}>
                  {unit.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.monitorPeriod}>
          {(id) => (
            <input
              id={id}
              value={draft.period ?? ''}
              onInput={(e) => set('period', e.currentTarget.value.trim())}
            />
          )}
        </Field>
        <Field label={t.monitorFrom}>
          {(id) => (
            <input
              id={id}
              inputMode="numeric"
              placeholder={DATE_PLACEHOLDER}
              value={draft.from ?? ''}
              onInput={(e) => set('from', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t.monitorTo}>
          {(id) => (
            <input
              id={id}
              inputMode="numeric"
              placeholder={DATE_PLACEHOLDER}
              value={draft.to ?? ''}
              onInput={(e) => set('to', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t.monitorKey}>
          {(id) => (
            <input
              id={id}
              inputMode="numeric"
              value={draft.key ?? ''}
              onInput={(e) => set('key', e.currentTarget.value.trim())}
            />
          )}
        </Field>
        <Field label={t.monitorSort}>
          {(id) => (
            <select
              id={id}
              value={sortValue}
              onChange={(e) => {
                const [sort, order] = e.currentTarget.value.split(':');
                go({ ...query, sort, order, page: undefined });
              }}
            >
              <option value="startDate:desc">{t.monitorSortNewest}</option>
              <option value="startDate:asc">{t.monitorSortOldest}</option>
              <option value="endDate:desc">{t.monitorSortEnded}</option>
              <option value="processDefinitionId:asc">{t.monitorSortProcess}</option>
            </select>
          )}
        </Field>
        <div class="monitor-filters__actions">
          <button type="submit" class="button button--primary">
            {t.monitorApply}
          </button>
          <button type="button" class="button" onClick={() => go({})}>
            {t.monitorClear}
          </button>
        </div>
      </form>
      {list && (
        <div class="monitor-counts" role="group" aria-label={t.monitorState}>
          {STATES.map((state) => (
            <button
              key={state}
              type="button"
              class="scope-tabs__tab"
              aria-pressed={query.state === state}
              onClick={() =>
                go({ ...query, state: query.state === state ? undefined : state, page: undefined })
              }
            >
              {stateLabel(state)}{' '}
              <span class="badge">{formatCount(list.counts[state], list.countIsLowerBound[state])}</span>
            </button>
          ))}
          <button
            type="button"
            class="scope-tabs__tab"
            aria-pressed={query.incidents === 'true'}
            onClick={() =>
              go({ ...query, incidents: query.incidents === 'true' ? undefined : 'true', page: undefined })
            }
          >
            {t.monitorIncidentsYes}{' '}
            <span class="badge">{formatCount(list.counts.incidents, list.countIsLowerBound.incidents)}</span>
          </button>
        </div>
      )}
      {error !== undefined && <Alert kind="error">{problemMessage(error, t, locale)}</Alert>}
      {!list && error === undefined && <p class="muted">{t.loading}</p>}
      {list && list.items.length === 0 && <p class="empty">{t.monitorNone}</p>}
      {list && list.items.length > 0 && (
        <table class="task-table">
          <thead>
            <tr>
              <th scope="col">{t.colInstance}</th>
              <th scope="col">{t.colProcess}</th>
              <th scope="col">{t.colState}</th>
              <th scope="col">{t.colStarted}</th>
              <th scope="col">{t.colEnded}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => {
              const href = `${INSTANCES_PATH}/${encodeURIComponent(row.key)}`;
              const processHref = `/monitor/processes/${encodeURIComponent(row.processId)}`;
              return (
                <tr key={row.key}>
                  <td data-label={t.colInstance}>
                    <div>
                      <a href={href} onClick={(event) => onLinkClick(event, href)}>
                        {row.key}
                      </a>
                    </div>
                  </td>
                  <td data-label={t.colProcess}>
                    <div>
                      <a href={processHref} onClick={(event) => onLinkClick(event, processHref)}>
                        {row.processName}
                      </a>
                      <span class="task-table__process">{t.monitorVersionN(row.version)}</span>
                    </div>
                  </td>
                  <td data-label={t.colState}>
                    <div>
                      {stateLabel(row.state)}
                      {row.hasIncident && <span class="tag tag--danger">{t.monitorHasIncident}</span>}
                    </div>
                  </td>
                  <td data-label={t.colStarted}>
                    <div>{formatDateTime(row.startDate)}</div>
                  </td>
                  <td data-label={t.colEnded}>
                    <div>{row.endDate ? formatDateTime(row.endDate) : '—'}</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager
        page={Number(query.page ?? '1')}
        pages={pages}
        onPage={(next) => go({ ...query, page: String(next) })}
      />
    </section>
  );
}
