import { useEffect, useState } from 'preact/hooks';
import { events } from '../../lib/event-bus.js';
import { notificationsApi } from './notifications.api.js';

/** How often the bell asks; the task notifier itself writes new notices every 30 s at most. */
const POLL_MS = 30_000;

/**
 * The signed-in user's unread notices, kept fresh: asked at once, every 30 s while the page is visible, and whenever a
 * notice is read or a task completed. Undefined until first known (or when the question failed).
 */
export function useUnreadCount(enabled: boolean): number | undefined {
  const [unread, setUnread] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const ask = () => {
      if (document.visibilityState === 'hidden') return;
      notificationsApi.unreadCount().then(
        (answer) => alive && setUnread(answer.unread),
        () => undefined,
      );
    };
    ask();
    const timer = setInterval(ask, POLL_MS);
    const offRead = events.on('notifications.changed', ask);
    const offCompleted = events.on('task.completed', ask);
    document.addEventListener('visibilitychange', ask);
    return () => {
      alive = false;
      clearInterval(timer);
      offRead();
      offCompleted();
      document.removeEventListener('visibilitychange', ask);
    };
  }, [enabled]);
  return unread;
}
