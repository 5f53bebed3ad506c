import { useEffect, useState } from 'preact/hooks';
import { inboxApi } from './inbox-api.provider.js';
import type { InboxPage, InboxQuery } from '../../lib/contracts.js';

/** New tasks appear without a reload: the list is fetched again this often while the page is visible. */
const REFRESH_MS = 30_000;

export interface InboxPageState {
  page: InboxPage | undefined;
  error: unknown;
  /** True from a call of reload() until its answer (or error) arrives. */
  reloading: boolean;
  /** Fetches the list again now ("Làm mới"). */
  reload(): void;
}

export function useInboxPage(query: InboxQuery): InboxPageState {
  const [page, setPage] = useState<InboxPage | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [reloads, setReloads] = useState(0);
  const [reloading, setReloading] = useState(false);
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
          setReloading(false);
        },
        (caught: unknown) => {
          if (!alive) return;
          setError(caught);
          setReloading(false);
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
    // The effect depends on the query by content (key), not by object identity; a reload runs it again.
  }, [key, reloads]);
  const reload = () => {
    setReloading(true);
    setReloads((count) => count + 1);
  };
  return { page, error, reloading, reload };
}
