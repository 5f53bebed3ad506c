import { useEffect } from 'preact/hooks';
import { SignInPage } from '../features/auth/sign-in.page.js';
import { SessionProvider, useSession } from '../features/auth/session.context.js';
import { AppShell } from '../features/shell/app-shell.js';
import { I18nProvider, useI18n } from '../i18n/i18n.js';
import { navigate, usePath } from '../lib/router.js';
import { homeOf } from '../features/admin/admin-access.js';
import { renderRoute } from './routes.js';

function Screen() {
  const { state } = useSession();
  const { t } = useI18n();
  const { pathname } = usePath();
  const signedIn = state.status === 'signedIn';
  const mustChange = signedIn && state.session.user.mustChangePassword;
  const home = signedIn ? homeOf(state.session.user) : '/';
  useEffect(() => {
    if (!signedIn) return;
    if (mustChange && pathname !== '/account/password') navigate('/account/password', { replace: true });
    else if (pathname === '/' || pathname === '/sign-in') navigate(home, { replace: true });
  }, [signedIn, mustChange, pathname, home]);
  if (state.status === 'loading') return <p class="splash">{t.loading}</p>;
  if (state.status === 'signedOut') return <SignInPage expired={state.expired} />;
  return <AppShell session={state.session}>{renderRoute(pathname, state.session.user)}</AppShell>;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Screen />
      </SessionProvider>
    </I18nProvider>
  );
}
