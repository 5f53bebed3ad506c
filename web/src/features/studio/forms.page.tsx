import { useEffect, useState } from 'preact/hooks';
import type { FormStudioList } from '../../lib/contracts.js';
import { requestJson } from '../../lib/http.js';
import { onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { useFormTexts } from './form-texts.js';
import './studio.css';

/** /admin/forms: every form, the steps that use it, and the versions deployed through the studio. */
export function FormsPage() {
  const f = useFormTexts();
  const [list, setList] = useState<FormStudioList | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    requestJson<FormStudioList>('/api/admin/studio/forms').then(setList, () => setFailed(true));
  }, []);
  return (
    <section class="panel studio" aria-labelledby="studio-forms-title">
      <h1 id="studio-forms-title">{f.listTitle}</h1>
      <p>{f.listIntro}</p>
      {failed && <Alert kind="error">{f.failed}</Alert>}
      <ul class="diff-view__list">
        {list?.forms.map((form) => {
          const path = `/admin/forms/${encodeURIComponent(form.formId)}`;
          return (
            <li key={form.formId} data-form={form.formId}>
              <a href={path} onClick={(event) => onLinkClick(event, path)}>
                <code>{form.formId}</code>
              </a>{' '}
              · {f.usedBy}:{' '}
              {form.usedBy.length === 0
                ? f.unused
                : form.usedBy
                    .map((use) => `${use.processDefinitionId} / ${use.name || use.elementId}`)
                    .join('; ')}
              {form.versions.length > 0 &&
                ` · ${f.versions}: ${form.versions.map((v) => v.version).join(', ')}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
