import { useI18n } from '../../i18n/i18n.js';
import { hasTaskWork, isAdministrator } from '../admin/admin-access.js';
import { useSignedIn } from '../auth/session.context.js';
import { NoTaskWork } from './no-task-work.js';
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

/** /inbox: the tasks of a user with staff work; a user without any is told so rather than refused by the API. */
export function InboxPage() {
  const { user } = useSignedIn();
  if (!hasTaskWork(user)) return <NoTaskWork administrator={isAdministrator(user)} />;
  return <TaskInbox />;
}

function TaskInbox() {
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
      {page ? (
        <TaskList items={page.items} now={Date.now()} />
      ) : (
        error === undefined && <p class="muted">{t.loading}</p>
      )}
      <Pager page={query.page} pages={pages} onPage={(next) => change({ page: next })} />
    </section>
  );
}
