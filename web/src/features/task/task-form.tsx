import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { MountedForm } from '../forms/form-viewer.js';
import type { FormData, FormSchema } from '../../lib/contracts.js';

interface Props {
  schema: FormSchema;
  data: FormData;
  /** Receives the mounted form (null while loading or after unmounting). */
  onReady(form: MountedForm | null): void;
  /** Shown but not editable (a task not held by the user). */
  readOnly?: boolean;
}

/**
 * The task's form-js form; the viewer is fetched the first time a task is opened. The task is fetched again after
 * "Nhận việc" or "Hủy nhận việc": the form is mounted again only when its schema or data really changed, never for
 * a new copy of the same ones, or whatever the user had typed would be wiped.
 */
export function TaskForm({ schema, data, onReady, readOnly = false }: Props) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const [mountedForm, setMountedForm] = useState<MountedForm | undefined>(undefined);
  const ready = mountedForm !== undefined;
  const readOnlyNow = useRef(readOnly);
  readOnlyNow.current = readOnly;
  const schemaKey = JSON.stringify(schema);
  const dataKey = JSON.stringify(data);
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
        form.setReadOnly(readOnlyNow.current);
        setMountedForm(form);
        onReady(form);
      });
    return () => {
      alive = false;
      setMountedForm(undefined);
      mounted?.destroy();
      onReady(null);
    };
    // schema and data by content: schemaKey and dataKey stand for them.
  }, [schemaKey, dataKey, onReady]);
  useEffect(() => mountedForm?.setReadOnly(readOnly), [mountedForm, readOnly]);
  return (
    <div class="task-form">
      {!ready && <p class="muted">{t.loadingForm}</p>}
      <div ref={host} class="task-form__host" />
    </div>
  );
}
