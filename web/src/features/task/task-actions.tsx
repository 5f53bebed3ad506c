import { useI18n } from '../../i18n/i18n.js';
import type { TaskDetail } from '../../lib/contracts.js';

export type TaskAction = 'claim' | 'unclaim' | 'draft' | 'complete';

interface Props {
  task: TaskDetail;
  busy: TaskAction | undefined;
  formReady: boolean;
  onAction(action: TaskAction): void;
}

/** Claim / unclaim, save a draft, complete: each enabled only when the user may do it. */
export function TaskActions({ task, busy, formReady, onAction }: Props) {
  const { t } = useI18n();
  const button = (action: TaskAction, label: string, primary = false, enabled = true) => (
    <button
      type="button"
      class={`button${primary ? ' button--primary' : ''}`}
      disabled={busy !== undefined || !enabled}
      aria-busy={busy === action}
      onClick={() => onAction(action)}
    >
      {label}
    </button>
  );
  return (
    <div class="task-actions">
      {task.canClaim && button('claim', t.claim)}
      {task.canComplete && button('unclaim', t.unclaim)}
      {button('draft', t.saveDraft, false, formReady && task.canComplete)}
      {button('complete', t.complete, true, formReady && task.canComplete)}
      {!task.canComplete && <p class="muted">{t.claimFirst}</p>}
    </div>
  );
}
