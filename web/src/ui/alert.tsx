import type { ComponentChildren } from 'preact';

/** A message block; errors are announced at once (role=alert), notices politely (role=status). */
export function Alert({
  kind,
  children,
}: {
  kind: 'error' | 'success' | 'info';
  children: ComponentChildren;
}) {
  return (
    <div class={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
