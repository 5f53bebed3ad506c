import { useCallback, useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { NotificationItem, NotificationList } from '../../lib/contracts.js';
import { formatDateTime } from '../../lib/dates.js';
import { events } from '../../lib/event-bus.js';
import { navigate } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { Pager } from '../../ui/pager.js';
import { notificationsApi } from './notifications.api.js';

/** /notifications: the user's notices, newest first; opening one marks it read and opens its task. */
export function NotificationsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [list, setList] = useState<NotificationList | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await notificationsApi.list(page));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [page]);
  useEffect(() => {
    void load();
  }, [load]);

  const markRead = async (item: NotificationItem): Promise<void> => {
    if (!item.read) {
      await notificationsApi.markRead(item.id).catch(() => undefined);
      events.emit('notifications.changed', {});
    }
  };
  const open = async (item: NotificationItem): Promise<void> => {
    await markRead(item);
    if (item.taskKey) navigate(`/tasks/${encodeURIComponent(item.taskKey)}`);
    else await load();
  };
  const markAll = async (): Promise<void> => {
    await notificationsApi.markAllRead().catch(() => undefined);
    events.emit('notifications.changed', {});
    await load();
  };

  return (
    <section class="panel" aria-labelledby="notifications-title">
      <div class="panel__title-row">
        <h1 id="notifications-title">{t.notifications}</h1>
        <div class="panel__title-actions">
          {list && list.unread > 0 && (
            <button type="button" class="button" onClick={() => void markAll()}>
              {t.markAllRead}
            </button>
          )}
        </div>
      </div>
      {failed && <Alert kind="error">{t.notificationsLoadFailed}</Alert>}
      {!list && !failed && <p aria-busy="true">{t.loading}</p>}
      {list && list.items.length === 0 && <p class="empty">{t.noNotifications}</p>}
      {list && list.items.length > 0 && (
        <ul class="notice-list">
          {list.items.map((item) => (
            <li key={item.id} class={item.read ? 'notice' : 'notice notice--unread'}>
              <button type="button" class="notice__open" onClick={() => void open(item)}>
                <span class="notice__subject">
                  {!item.read && <span class="visually-hidden">{t.unreadMarker} </span>}
                  {item.subject}
                </span>
                <span class="notice__text">{item.text}</span>
                <span class="notice__meta">
                  {formatDateTime(item.createdAt)}
                  {item.taskKey ? ` · ${t.openTask}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {list && <Pager page={list.page} pages={Math.ceil(list.total / list.pageSize)} onPage={setPage} />}
    </section>
  );
}
