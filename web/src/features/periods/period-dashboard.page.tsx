import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { PeriodDashboard, UnitStatusCode, UnitStatusRow } from '../../lib/contracts.js';
import { formatDate } from '../../lib/dates.js';
import { onLinkClick, usePath } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { problemMessage } from '../auth/problem-message.js';
import { DocumentDownloads } from '../documents/document-downloads.js';
import { periodStateKey } from './periods.page.js';
import { periodsApi } from './periods.api.js';
import { StatusBars } from './status-bars.js';
import { STATUS_ORDER, statusKey } from './status-names.js';

function statusOf(value: string | null): UnitStatusCode | null {
  return value && (STATUS_ORDER as readonly string[]).includes(value) ? (value as UnitStatusCode) : null;
}

/** /monitor/periods/:id: every unit's status in a period, totals, pressing issues, the period's documents. */
export function PeriodDashboardPage({ periodId }: { periodId: string }) {
  const { t, locale } = useI18n();
  const { search } = usePath();
  const current = statusOf(search.get('status'));
  const [dashboard, setDashboard] = useState<PeriodDashboard | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    periodsApi
      .dashboard(periodId)
      .then((found) => live && setDashboard(found))
      .catch(
        (problem: unknown) => live && setError(problemMessage(problem, t, locale) || t.periodLoadFailed),
      );
    return () => {
      live = false;
    };
  }, [periodId, t, locale]);

  if (error) return <Alert kind="error">{error}</Alert>;
  if (!dashboard) return <p aria-busy="true">{t.loading}</p>;
  const rows = current ? dashboard.rows.filter((row) => row.status === current) : dashboard.rows;
  const label = dashboard.period.label || dashboard.period.processName;
  const back = '/monitor/periods';
  return (
    <section class="panel period" aria-labelledby="period-title">
      <p class="no-print">
        <a href={back} onClick={(event) => onLinkClick(event, back)}>
          {t.periodBack}
        </a>
      </p>
      <div class="panel__title-row">
        <h1 id="period-title">{t.periodTitle(label)}</h1>
        <div class="panel__title-actions no-print">
          <a class="button" href={periodsApi.exportHref(dashboard.period.id)} download>
            {t.periodExport}
          </a>
          <button type="button" class="button" onClick={() => globalThis.print()}>
            {t.periodPrint}
          </button>
        </div>
      </div>
      <dl class="facts facts--inline">
        <dt>{t.process}</dt>
        <dd>{dashboard.period.processName}</dd>
        <dt>{t.colStatus}</dt>
        <dd>{t[periodStateKey(dashboard.period.state)]}</dd>
        <dt>{t.periodDue}</dt>
        <dd>{formatDate(dashboard.dueDate) || '—'}</dd>
        <dt>{t.periodCollection}</dt>
        <dd>{formatDate(dashboard.collectionDeadline) || '—'}</dd>
        <dt>{t.units}</dt>
        <dd>{t.periodUnits(dashboard.unitCount)}</dd>
      </dl>
      <h2>{t.periodTotals}</h2>
      <StatusBars dashboard={dashboard} current={current} />
      {current && (
        <p class="period__filter" role="status">
          {t.periodFiltered(t[statusKey(current, dashboard.period.processId)], rows.length)}{' '}
          <a
            class="no-print"
            href={`/monitor/periods/${encodeURIComponent(periodId)}`}
            onClick={(event) => onLinkClick(event, `/monitor/periods/${encodeURIComponent(periodId)}`)}
          >
            {t.periodClearFilter}
          </a>
        </p>
      )}
      {dashboard.unitCount === 0 && <p class="empty">{t.periodNoUnits}</p>}
      {dashboard.unitCount > 0 && rows.length === 0 && <p class="empty">{t.periodNoRows}</p>}
      {rows.length > 0 && <UnitTable dashboard={dashboard} rows={rows} />}
      <PressingIssues dashboard={dashboard} />
      {dashboard.documents.length > 0 && (
        <section aria-labelledby="period-documents">
          <h2 id="period-documents">{t.periodDocuments}</h2>
          <ul class="doc-list">
            {dashboard.documents.map((doc) => (
              <li key={doc.id}>
                <span class="doc-list__title">
                  {doc.soKyHieu} · {formatDate(doc.createdAt)}
                </span>
                <span class="no-print">
                  <DocumentDownloads id={doc.id} tenTep={doc.tenTep} label={doc.soKyHieu} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function reportPath(periodId: string, unitCode: string) {
  return `/monitor/periods/${encodeURIComponent(periodId)}/units/${encodeURIComponent(unitCode)}`;
}

function UnitTable({ dashboard, rows }: { dashboard: PeriodDashboard; rows: UnitStatusRow[] }) {
  const { t } = useI18n();
  const processId = dashboard.period.processId;
  const stepNote = (row: UnitStatusRow) => {
    const notes: string[] = [];
    if (row.status === 'late' && row.stage !== 'not-started')
      notes.push(t.atStep(t[statusKey(row.stage, processId)]));
    if (row.returnedBy === 'truong-don-vi') notes.push(t.returnedByHead);
    if (row.returnedBy === 'ban-tuyen-giao') notes.push(t.returnedByBtg);
    return notes.join(' · ');
  };
  return (
    <table class="task-table period-table">
      <thead>
        <tr>
          <th scope="col">{t.colUnit}</th>
          <th scope="col">{t.colStatus}</th>
          <th scope="col">{t.colHolder}</th>
          <th scope="col">{t.colOpened}</th>
          <th scope="col">{t.colSubmitted}</th>
          <th scope="col">{t.colAccepted}</th>
          <th scope="col">{t.colReport}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const note = stepNote(row);
          const path = reportPath(dashboard.period.id, row.unitCode);
          return (
            <tr key={row.unitCode} data-unit={row.unitCode}>
              <td data-label={t.colUnit}>{row.unitName}</td>
              <td data-label={t.colStatus}>
                {/* One child, so the phone layout's two-column cell keeps the tags and the note together. */}
                <div>
                  <span class={`status-tag status--${row.status}`} data-status={row.status}>
                    {t[statusKey(row.status, processId)]}
                  </span>
                  {row.late && row.status !== 'late' && row.status !== 'missing' && (
                    <span class="status-tag status--late">{t.lateTag}</span>
                  )}
                  {note && <span class="period-table__note">{note}</span>}
                </div>
              </td>
              <td data-label={t.colHolder}>
                {row.holder ? (row.holder.fullName ?? row.holder.groupNames.join(', ')) : ''}
              </td>
              <td data-label={t.colOpened}>{formatDate(row.openedAt)}</td>
              <td data-label={t.colSubmitted}>{formatDate(row.submittedAt)}</td>
              <td data-label={t.colAccepted}>{formatDate(row.acceptedAt)}</td>
              <td data-label={t.colReport}>
                {row.hasReport && (
                  <a href={path} onClick={(event) => onLinkClick(event, path)}>
                    {t.openReport}
                    <span class="visually-hidden"> {row.unitName}</span>
                  </a>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PressingIssues({ dashboard }: { dashboard: PeriodDashboard }) {
  const { t } = useI18n();
  if (dashboard.period.processId === 'danh-gia-khen-thuong') return null;
  return (
    <section aria-labelledby="period-pressing">
      <h2 id="period-pressing">{t.periodPressing}</h2>
      {dashboard.pressingIssues.length === 0 ? (
        <p class="muted">{t.periodPressingNone}</p>
      ) : (
        <ul class="pressing-list">
          {dashboard.pressingIssues.map((issue) => {
            const path = reportPath(dashboard.period.id, issue.unitCode);
            return (
              <li key={issue.unitCode}>
                <a href={path} onClick={(event) => onLinkClick(event, path)}>
                  {issue.unitName}
                </a>
                <p>{issue.text}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
