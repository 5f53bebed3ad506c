import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import { Alert } from '../../ui/alert.js';
import { TextField } from '../../ui/text-field.js';
import { authApi } from './auth.api.js';
import { problemMessage } from './problem-message.js';
import { useSession } from './session.context.js';

type Problems = Partial<Record<'current' | 'next' | 'confirm', string>>;

export function ChangePasswordPage() {
  const { t, locale } = useI18n();
  const { reload } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Problems = {};
    if (!current) found.current = t.fieldRequired;
    if (next.length < 12) found.next = t.passwordTooShort;
    if (confirm !== next) found.confirm = t.passwordMismatch;
    setProblems(found);
    setDone(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await authApi.changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
      await reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel panel--narrow" aria-labelledby="change-password-title">
      <h1 id="change-password-title">{t.changePasswordTitle}</h1>
      {done && <Alert kind="success">{t.passwordChanged}</Alert>}
      {error !== undefined && <Alert kind="error">{problemMessage(error, t, locale)}</Alert>}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          label={t.currentPassword}
          name="currentPassword"
          type="password"
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
          required
          error={problems.current}
        />
        <TextField
          label={t.newPassword}
          name="newPassword"
          type="password"
          value={next}
          onInput={setNext}
          autoComplete="new-password"
          hint={t.passwordHint}
          required
          error={problems.next}
        />
        <TextField
          label={t.confirmPassword}
          name="confirmPassword"
          type="password"
          value={confirm}
          onInput={setConfirm}
          autoComplete="new-password"
          required
          error={problems.confirm}
        />
        <button type="submit" class="button button--primary" disabled={busy}>
          {t.changePasswordSubmit}
        </button>
      </form>
    </section>
  );
}
