import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/i18n.js';
import type { TaskDetail } from '../../lib/contracts.js';

interface Props {
  task: TaskDetail;
  busy: boolean;
  onClaim(): void;
  onUnclaim(): void;
  /** The outcome of claiming or unclaiming, shown here, beside the button that caused it. */
  children?: ComponentChildren;
}

/**
 * Above the form: who holds the task, and "Nhận việc" / "Hủy nhận việc". The form cannot be typed into until the user
 * has claimed the task, so nobody types into a task that someone else then takes.
 */
export function ClaimBar({ task, busy, onClaim, onUnclaim, children }: Props) {
  const { t } = useI18n();
  const heldByOther = !task.canComplete && !task.canClaim && task.assigneeName !== null;
  return (
    <div class="claim-bar">
      <p class="claim-bar__status">
        {task.canComplete && t.heldByYou}
        {task.canClaim && t.claimToEdit}
        {heldByOther && t.heldBy(task.assigneeName ?? '')}
        {!task.canComplete && !task.canClaim && !heldByOther && t.readOnlyForm}
      </p>
      {task.canClaim && (
        <button
          type="button"
          class="button button--primary"
          disabled={busy}
          aria-busy={busy}
          onClick={onClaim}
        >
          {t.claim}
        </button>
      )}
      {task.canComplete && (
        <button type="button" class="button" disabled={busy} aria-busy={busy} onClick={onUnclaim}>
          {t.unclaim}
        </button>
      )}
      <div class="claim-bar__messages" aria-live="polite">
        {children}
      </div>
    </div>
  );
}
