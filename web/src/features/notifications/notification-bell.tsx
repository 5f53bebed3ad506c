import { useI18n } from '../../i18n/i18n.js';
import { onLinkClick } from '../../lib/router.js';
import { useUnreadCount } from './use-unread-count.js';

export const NOTIFICATIONS_PATH = '/notifications';

/** The header's bell: a link to the notices, with the unread count as a badge and in its accessible name. */
export function NotificationBell({ enabled }: { enabled: boolean }) {
  const { t } = useI18n();
  const unread = useUnreadCount(enabled);
  const label = unread ? t.notificationsUnread(unread) : t.notifications;
  return (
    <a
      class="bell"
      href={NOTIFICATIONS_PATH}
      aria-label={label}
      title={label}
      onClick={(event) => onLinkClick(event, NOTIFICATIONS_PATH)}
    >
      <svg class="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread ? (
        <span class="bell__badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </a>
  );
}
