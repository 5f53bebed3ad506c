import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/i18n.js';

export type TaskAction = 'claim' | 'unclaim' | 'draft' | 'complete';

interface Props {
  busy: TaskAction | undefined;
  /** The user holds the task and its form is ready. */
  enabled: boolean;
  onAction(action: 'draft' | 'complete'): void;
  /** Messages about these actions (saved, refused, errors), shown just above the buttons, in a live region. */
  children?: ComponentChildren;
}

/** Below the form: save a draft, complete; with their messages beside them. */
export function TaskActions({ busy, enabled, onAction, children }: Props) {
  const { t } = useI18n();
  const button = (action: 'draft' | 'complete', label: string, primary = false) => (
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
      <div class="task-actions__messages" aria-live="polite">
        {children}
      </div>
      <div class="task-actions__buttons">
        {button('draft', t.saveDraft)}
        {button('complete', t.complete, true)}
      </div>
    </div>
  );
}
