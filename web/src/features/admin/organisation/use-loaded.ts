import { useCallback, useEffect, useState } from 'preact/hooks';

/** Loads whatever `load` fetches whenever `key` changes (and on reload()); keeps the last answer while reloading. */
export function useLoaded<T>(load: () => Promise<T>, key: string) {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let alive = true;
    load().then(
      (next) => {
        if (!alive) return;
        setValue(next);
        setError(undefined);
      },
      (caught: unknown) => {
        if (alive) setError(caught);
      },
    );
    return () => {
      alive = false;
    };
    // Reloaded by content (key), not by the identity of `load`.
  }, [key, reloads]);
  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { value, error, reload };
}
