import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import { Alert } from '../../ui/alert.js';
import { TextField } from '../../ui/text-field.js';
import { LanguageSwitch } from '../shell/language-switch.js';
import { problemMessage } from './problem-message.js';
import { useSession } from './session.context.js';

export function SignInPage({ expired }: { expired: boolean }) {
  const { t, locale } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const nextMissing = { username: !username.trim(), password: !password };
    setMissing(nextMissing);
    if (nextMissing.username || nextMissing.password) return;
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
    } catch (caught) {
      setError(caught);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="sign-in">
      <header class="sign-in__brand">
        <p class="brand__committee">{t.committee}</p>
        <h1 class="brand__product">{t.product}</h1>
      </header>
      <main id="main" class="sign-in__card" tabIndex={-1}>
        <h2>{t.signInTitle}</h2>
        <p class="muted">{t.signInIntro}</p>
        {expired && !error && <Alert kind="info">{t.errorSessionExpired}</Alert>}
        {error !== undefined && <Alert kind="error">{problemMessage(error, t, locale)}</Alert>}
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <TextField
            label={t.username}
            name="username"
            value={username}
            onInput={setUsername}
            autoComplete="username"
            required
            autoFocus
            error={missing.username ? t.fieldRequired : undefined}
          />
          <TextField
            label={t.password}
            name="password"
            type="password"
            value={password}
            onInput={setPassword}
            autoComplete="current-password"
            required
            error={missing.password ? t.fieldRequired : undefined}
          />
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t.signingIn : t.signInSubmit}
          </button>
        </form>
        <LanguageSwitch />
      </main>
    </div>
  );
}
