import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { FormSchema, UnitReport } from '../../lib/contracts.js';
import { onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { problemMessage } from '../auth/problem-message.js';
import { mountForm, type MountedForm } from '../forms/form-viewer.js';
import { periodsApi } from './periods.api.js';
import { statusKey } from './status-names.js';

/** /monitor/periods/:id/units/:unitCode: a unit's sent report, in the form it was filled in, read only. */
export function UnitReportPage({ periodId, unitCode }: { periodId: string; unitCode: string }) {
  const { t, locale } = useI18n();
  const [report, setReport] = useState<UnitReport | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    periodsApi
      .report(periodId, unitCode)
      .then(setReport)
      .catch((problem: unknown) => setError(problemMessage(problem, t, locale) || t.reportLoadFailed));
  }, [periodId, unitCode, t, locale]);
  useEffect(() => {
    if (!report || !container.current) return;
    let mounted: MountedForm | undefined;
    let live = true;
    void mountForm(container.current, report.schema as FormSchema, report.data).then((form) => {
      if (!live) return form.destroy();
      mounted = form;
      form.setReadOnly(true);
    });
    return () => {
      live = false;
      mounted?.destroy();
    };
  }, [report]);

  const back = `/monitor/periods/${encodeURIComponent(periodId)}`;
  return (
    <section class="panel" aria-labelledby="report-title">
      <p class="no-print">
        <a href={back} onClick={(event) => onLinkClick(event, back)}>
          {t.reportBack}
        </a>
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {!report && !error && <p aria-busy="true">{t.loading}</p>}
      {report && (
        <>
          <h1 id="report-title">{t.reportTitle(report.unitName)}</h1>
          <p>
            <span class={`status-tag status--${report.status}`}>{t[statusKey(report.status)]}</span>{' '}
            <span class="muted">{t.reportReadOnly}</span>
          </p>
          <div class="task-form report-form" ref={container} />
        </>
      )}
    </section>
  );
}
