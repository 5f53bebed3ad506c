import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.js';
import type { TextKey } from '../../../i18n/messages.types.js';
import { addDays, DATE_PLACEHOLDER, formatDateTime, parseCalendarDate } from '../../../lib/dates.js';
import { Alert } from '../../../ui/alert.js';
import { Pager } from '../../../ui/pager.js';
import { problemMessage } from '../../auth/problem-message.js';
import { InputField, SelectField } from './admin-fields.js';
import { adminOrganisationApi, type AuditQuery } from './admin-organisation.api.js';
import { useLoaded } from './use-loaded.js';

/** The action families the server filters by prefix (`auth` matches `auth.sign-in`, `auth.sign-out`…). */
const FAMILIES: { value: string; label: TextKey }[] = [
  { value: 'auth', label: 'auditFamilyAuth' },
  { value: 'user', label: 'auditFamilyUser' },
  { value: 'unit', label: 'auditFamilyUnit' },
  { value: 'organisation', label: 'auditFamilyOrganisation' },
  { value: 'personnel', label: 'auditFamilyPersonnel' },
  { value: 'document', label: 'auditFamilyDocument' },
];

/** "05/12/2026" (or 5/12/2026) as "2026-12-05", if that day exists. */
export function isoDayOf(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const iso = `${match[3]}-${(match[2] ?? '').padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  return parseCalendarDate(iso) ? iso : undefined;
}

/** A calendar day in Viet Nam as the instant it starts (the server compares instants). */
const dayStart = (isoDay: string): string => `${isoDay}T00:00:00+07:00`;

interface Filters {
  actor: string;
  action: string;
  target: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actor: '', action: '', target: '', from: '', to: '' };

/** /admin/audit: the audit trail, newest first, filtered by who, what, on what and when (days in Viet Nam). */
export function AuditPage() {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState<Filters>(EMPTY);
  const [query, setQuery] = useState<AuditQuery>({ page: 1 });
  const list = useLoaded(() => adminOrganisationApi.audit(query), JSON.stringify(query));
  const set = (name: keyof Filters) => (value: string) => setTyped({ ...typed, [name]: value });

  const from = typed.from.trim() ? isoDayOf(typed.from) : '';
  const to = typed.to.trim() ? isoDayOf(typed.to) : '';
  const apply = () => {
    // Days are typed dd/mm/yyyy; a day that does not exist keeps the last search and says so at its field.
    if (from === undefined || to === undefined) return;
    setQuery({
      page: 1,
      actor: typed.actor.trim() || undefined,
      action: typed.action || undefined,
      target: typed.target.trim() || undefined,
      from: from ? dayStart(from) : undefined,
      to: to ? dayStart(addDays(to, 1)) : undefined,
    });
  };

  const page = list.value;
  return (
    <section class="panel" aria-labelledby="audit-title">
      <div class="panel__title-row">
        <h1 id="audit-title">{t.adminNavAudit}</h1>
        {page && <p class="muted">{t.adminResultCount(page.total)}</p>}
      </div>
      <form
        class="admin-filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <InputField label={t.auditActor} value={typed.actor} onInput={set('actor')} />
        <SelectField
          label={t.auditAction}
          value={typed.action}
          options={[
            { value: '', label: t.adminAll },
            ...FAMILIES.map((f) => ({ value: f.value, label: t[f.label] })),
          ]}
          onChange={set('action')}
        />
        <InputField label={t.auditTarget} value={typed.target} onInput={set('target')} />
        <InputField
          label={t.auditFrom}
          value={typed.from}
          placeholder={DATE_PLACEHOLDER}
          error={from === undefined ? t.auditBadDay : undefined}
          onInput={set('from')}
        />
        <InputField
          label={t.auditTo}
          value={typed.to}
          placeholder={DATE_PLACEHOLDER}
          error={to === undefined ? t.auditBadDay : undefined}
          onInput={set('to')}
        />
        <button type="submit" class="button">
          {t.adminSearchSubmit}
        </button>
      </form>
      {list.error !== undefined && <Alert kind="error">{problemMessage(list.error, t, locale)}</Alert>}
      {!page && list.error === undefined && <p class="muted">{t.loading}</p>}
      {page && page.items.length === 0 && <p class="empty">{t.adminNothingFound}</p>}
      {page && page.items.length > 0 && (
        <div class="table-scroll">
          <table class="admin-table">
            <thead>
              <tr>
                <th scope="col">{t.auditAt}</th>
                <th scope="col">{t.auditActor}</th>
                <th scope="col">{t.auditAction}</th>
                <th scope="col">{t.auditTarget}</th>
                <th scope="col">{t.auditDetail}</th>
                <th scope="col">{t.auditIp}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item, index) => (
                <tr key={`${item.at}-${item.requestId}-${index}`}>
                  <td>{formatDateTime(item.at)}</td>
                  <td>{item.actor}</td>
                  <td>
                    <code>{item.action}</code>
                  </td>
                  <td>{item.target}</td>
                  <td>
                    {Object.entries(item.detail)
                      .map(([key, value]) => `${key}: ${value}`)
                      .join('; ')}
                  </td>
                  <td>{item.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (
        <Pager
          page={page.page}
          pages={Math.max(1, Math.ceil(page.total / page.pageSize))}
          onPage={(next) => setQuery({ ...query, page: next })}
        />
      )}
    </section>
  );
}
