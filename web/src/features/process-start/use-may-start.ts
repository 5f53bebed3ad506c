import { useEffect, useState } from 'preact/hooks';
import type { SessionUser } from '../auth/auth.api.js';
import { processStartApi } from './process-start.api.js';

/**
 * Whether the user may start at least one process (the server's start table decides): true or false once known,
 * undefined while asking. A user who must change the password first, or whose question failed, is not offered it.
 */
export function useMayStart(user: SessionUser): boolean | undefined {
  const [mayStart, setMayStart] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (user.mustChangePassword) {
      setMayStart(false);
      return;
    }
    setMayStart(undefined);
    let alive = true;
    processStartApi.startableSummary().then(
      ({ items }) => alive && setMayStart(items.length > 0),
      () => alive && setMayStart(false),
    );
    return () => {
      alive = false;
    };
  }, [user.username, user.mustChangePassword]);
  return mayStart;
}
