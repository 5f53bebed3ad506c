import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { events } from '../../lib/event-bus.js';
import { authApi, type Session } from './auth.api.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; session: Session };

export interface SessionControl {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  reload(): Promise<void>;
}

const SessionContext = createContext<SessionControl | undefined>(undefined);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      const session = await authApi.load();
      setState(session ? { status: 'signedIn', session } : { status: 'signedOut', expired: false });
    } catch {
      setState({ status: 'signedOut', expired: false });
    }
  }, []);

  useEffect(() => {
    void reload();
    return events.on('session.expired', () => setState({ status: 'signedOut', expired: true }));
  }, [reload]);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await authApi.signIn(username, password);
    setState(session ? { status: 'signedIn', session } : { status: 'signedOut', expired: false });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.signOut();
    } finally {
      setState({ status: 'signedOut', expired: false });
      events.emit('session.signedOut', {});
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, reload }), [state, signIn, signOut, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) throw new Error('useSession outside SessionProvider');
  return control;
}

/** The signed-in session; only for components rendered inside the signed-in shell. */
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedIn outside the signed-in shell');
  return state.session;
}
