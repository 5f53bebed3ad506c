import { useEffect } from 'preact/hooks';
import { setLeaveGuard } from '../../lib/router.js';

/** While there are unsaved changes: the browser asks before closing or reloading, the app before navigating. */
export function useLeaveGuard(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = question;
    };
    globalThis.addEventListener('beforeunload', onBeforeUnload);
    setLeaveGuard(() => globalThis.confirm(question));
    return () => {
      globalThis.removeEventListener('beforeunload', onBeforeUnload);
      setLeaveGuard(undefined);
    };
  }, [dirty, question]);
}
