import { useI18n } from '../../i18n/i18n.js';
import { navigate, usePath } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { problemMessage } from '../auth/problem-message.js';
import { InboxFilters } from './inbox-filters.js';
import { queryFromSearch, searchFromQuery } from './inbox-query.js';
import type { InboxQuery } from '../../lib/contracts.js';
import { formatCount } from '../../lib/counts.js';
import { Pager } from '../../ui/pager.js';
import { TaskList } from './task-list.js';
import { useInboxPage } from './use-inbox-page.js';

export function InboxPage() {
  const { t, locale } = useI18n();
  const { search } = usePath();
  const query = queryFromSearch(search);
  const { page, error, reloading, reload } = useInboxPage(query);
  const change = (next: Partial<InboxQuery>) => navigate(`/inbox${searchFromQuery({ ...query, ...next })}`);
  const pages = page ? Math.max(1, Math.ceil(page.total / query.pageSize)) : 1;
  return (
    <section class="panel" aria-labelledby="inbox-title">
      <div class="panel__title-row">
        <h1 id="inbox-title">{t.inboxTitle}</h1>
        <div class="panel__title-actions">
          {page && (
            <p class="muted">
              {t.taskCount(formatCount(page.total, page.totalIsLowerBound), page.total === 1)}
            </p>
          )}
          <button type="button" class="button" onClick={reload} disabled={reloading} aria-busy={reloading}>
            {t.refresh}
          </button>
        </div>
      </div>
      <InboxFilters query={query} page={page} onChange={change} />
      {error !== undefined && <Alert kind="error">{problemMessage(error, t, locale)}</Alert>}
      {page ? <TaskList items={page.items} now={Date.now()} /> : <p class="muted">{t.loading}</p>}
      <Pager page={query.page} pages={pages} onPage={(next) => change({ page: next })} />
    </section>
  );
}
