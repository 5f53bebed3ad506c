import { useEffect, useState } from 'preact/hooks';
import { inboxApi } from './inbox-api.provider.js';
import type { InboxPage, InboxQuery } from './inbox.types.js';

/** New tasks appear without a reload: the list is fetched again this often while the page is visible. */
const REFRESH_MS = 30_000;

export function useInboxPage(query: InboxQuery): { page: InboxPage | undefined; error: unknown } {
  const [page, setPage] = useState<InboxPage | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const key = JSON.stringify(query);
  useEffect(() => {
    let alive = true;
    const load = () => {
      if (document.visibilityState === 'hidden') return;
      inboxApi.list(query).then(
        (next) => {
          if (!alive) return;
          setPage(next);
          setError(undefined);
        },
        (caught: unknown) => {
          if (alive) setError(caught);
        },
      );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', load);
    };
    // The effect depends on the query by content (key), not by object identity.
  }, [key]);
  return { page, error };
}
