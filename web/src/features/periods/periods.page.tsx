import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { PeriodList, PeriodSummary } from '../../lib/contracts.js';
import { formatDate } from '../../lib/dates.js';
import { onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { problemMessage } from '../auth/problem-message.js';
import { PROCESS_NAMES } from './status-names.js';
import { periodsApi } from './periods.api.js';

export function periodStateKey(state: string) {
  if (state === 'ACTIVE') return 'periodRunning' as const;
  if (state === 'COMPLETED') return 'periodCompleted' as const;
  return 'periodCancelled' as const;
}

/** /monitor/periods: the periods the user may watch, newest first, each opening its dashboard. */
export function PeriodsPage() {
  const { t, locale } = useI18n();
  const [list, setList] = useState<PeriodList | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    periodsApi
      .list()
      .then(setList)
      .catch((problem: unknown) => setError(problemMessage(problem, t, locale) || t.periodsLoadFailed));
  }, [t, locale]);

  const name = (period: PeriodSummary) =>
    PROCESS_NAMES[period.processId] ? t[PROCESS_NAMES[period.processId]!] : period.processName;
  return (
    <section class="panel" aria-labelledby="periods-title">
      <h1 id="periods-title">{t.periodsTitle}</h1>
      <p class="muted">{t.periodsIntro}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {!list && !error && <p aria-busy="true">{t.loading}</p>}
      {list && list.items.length === 0 && <p class="empty">{t.periodsNone}</p>}
      {list && list.items.length > 0 && (
        <table class="task-table">
          <thead>
            <tr>
              <th scope="col">{t.colPeriod}</th>
              <th scope="col">{t.colProcess}</th>
              <th scope="col">{t.colStatus}</th>
              <th scope="col">{t.created}</th>
              <th scope="col">{t.periodStartedBy}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((period) => {
              const path = `/monitor/periods/${encodeURIComponent(period.id)}`;
              return (
                <tr key={period.id}>
                  <td data-label={t.colPeriod}>
                    <a href={path} onClick={(event) => onLinkClick(event, path)}>
                      {period.label || t.periodNoLabel}
                    </a>
                  </td>
                  <td data-label={t.colProcess}>{name(period)}</td>
                  <td data-label={t.colStatus}>{t[periodStateKey(period.state)]}</td>
                  <td data-label={t.created}>{formatDate(period.startDate)}</td>
                  <td data-label={t.periodStartedBy}>{period.startedBy ?? t.periodStartedByTimer}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
