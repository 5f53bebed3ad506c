import { useI18n } from '../../i18n/i18n.js';
import type { PeriodDashboard, UnitStatusCode } from '../../lib/contracts.js';
import { onLinkClick } from '../../lib/router.js';
import { STATUS_ORDER, statusKey } from './status-names.js';

/**
 * The totals as a bar chart in plain HTML and CSS: each status, its count and a bar of its share. Every number is
 * a link to the list behind it (the same page filtered by ?status=).
 */
export function StatusBars({
  dashboard,
  current,
}: {
  dashboard: PeriodDashboard;
  current: UnitStatusCode | null;
}) {
  const { t } = useI18n();
  const base = `/monitor/periods/${encodeURIComponent(dashboard.period.id)}`;
  const total = Math.max(dashboard.unitCount, 1);
  return (
    <ul class="status-bars" aria-label={t.periodTotals}>
      <li class={current === null ? 'status-bars__item status-bars__item--current' : 'status-bars__item'}>
        <a
          href={base}
          onClick={(event) => onLinkClick(event, base)}
          aria-current={current === null ? 'true' : undefined}
        >
          <span class="status-bars__label">{t.periodAll}</span>
          <span class="status-bars__count">{dashboard.unitCount}</span>
        </a>
      </li>
      {STATUS_ORDER.map((code) => {
        const count = dashboard.totals[code];
        const path = `${base}?status=${code}`;
        return (
          <li
            key={code}
            class={`status-bars__item status--${code}${current === code ? ' status-bars__item--current' : ''}`}
          >
            <a
              href={path}
              onClick={(event) => onLinkClick(event, path)}
              aria-current={current === code ? 'true' : undefined}
            >
              <span class="status-bars__label">{t[statusKey(code, dashboard.period.processId)]}</span>
              <span class="status-bars__count" data-status={code}>
                {count}
              </span>
              <span class="status-bars__track" aria-hidden="true">
                <span class="status-bars__bar" style={{ width: `${(100 * count) / total}%` }} />
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
