import { useId, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import { formatDateTime } from '../../lib/dates.js';
import { requestJson } from '../../lib/http.js';
import { ApiProblem } from '../../lib/problem.js';
import { Alert } from '../../ui/alert.js';
import { problemMessage } from '../auth/problem-message.js';
import type { CommentList, TaskComment } from '../../lib/contracts.js';

const MAX_LENGTH = 2000;

/**
 * The "Ý kiến" panel: the comments the user may see (their unit's tasks), newest first, and a labelled form to add
 * one while the task is open (a completed task's comments are a record).
 */
export function TaskComments({
  taskId,
  initial,
  open = true,
}: {
  taskId: string;
  initial: TaskComment[];
  open?: boolean;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [comments, setComments] = useState<TaskComment[]>(initial);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setNotice(undefined);
    const trimmed = text.trim();
    if (trimmed.length === 0) return setFieldError(t.commentRequired);
    if (trimmed.length > MAX_LENGTH) return setFieldError(t.commentTooLong);
    setFieldError(undefined);
    setBusy(true);
    try {
      const { items } = await requestJson<CommentList>(
        `/api/inbox/tasks/${encodeURIComponent(taskId)}/comments`,
        { method: 'POST', body: { text: trimmed } },
      );
      setComments(items);
      setText('');
      setNotice({ kind: 'success', text: t.commentAdded });
    } catch (caught) {
      const onField =
        caught instanceof ApiProblem ? caught.errors.find((e) => e.field === 'text') : undefined;
      if (onField) setFieldError(onField.message);
      else setNotice({ kind: 'error', text: problemMessage(caught, t, locale) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.comments}</h2>
      {comments.length === 0 ? (
        <p class="muted">{t.noComments}</p>
      ) : (
        <ul class="comments">
          {comments.map((comment, index) => (
            <li key={`${comment.at}-${index}`}>
              <p>{comment.text}</p>
              <p class="muted">
                {comment.author}, {formatDateTime(comment.at)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {open && (
        <form class="comment-form" onSubmit={(event) => void submit(event)} noValidate>
          <div class={`field${fieldError ? ' field--invalid' : ''}`}>
            <label for={`${id}-text`}>{t.commentLabel}</label>
            <textarea
              id={`${id}-text`}
              name="comment"
              rows={3}
              maxLength={MAX_LENGTH}
              value={text}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <p class="field__hint" id={`${id}-hint`}>
              {t.commentHint}
            </p>
            {fieldError && (
              <p class="field__error" id={`${id}-error`}>
                {fieldError}
              </p>
            )}
          </div>
          <button type="submit" class="button" disabled={busy}>
            {busy ? t.commentSending : t.commentSubmit}
          </button>
        </form>
      )}
    </section>
  );
}
