import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { MountedForm } from '../forms/form-viewer.js';
import type { FormData, FormSchema } from '../inbox/inbox.types.js';

interface Props {
  schema: FormSchema;
  data: FormData;
  /** Receives the mounted form (null while loading or after unmounting). */
  onReady(form: MountedForm | null): void;
}

/** The task's form-js form; the viewer is fetched the first time a task is opened. */
export function TaskForm({ schema, data, onReady }: Props) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let mounted: MountedForm | undefined;
    let alive = true;
    const container = host.current;
    if (!container) return;
    void import('../forms/form-viewer.js')
      .then(({ mountForm }) => mountForm(container, schema, data))
      .then((form) => {
        if (!alive) return form.destroy();
        mounted = form;
        setReady(true);
        onReady(form);
      });
    return () => {
      alive = false;
      setReady(false);
      mounted?.destroy();
      onReady(null);
    };
  }, [schema, data, onReady]);
  return (
    <div class="task-form">
      {!ready && <p class="muted">{t.loadingForm}</p>}
      <div ref={host} class="task-form__host" />
    </div>
  );
}
