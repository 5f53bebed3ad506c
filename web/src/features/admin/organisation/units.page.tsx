import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.js';
import type { AdminUnit, AdminUnitKind, AdminUnitQuery } from '../../../lib/contracts.js';
import { Alert } from '../../../ui/alert.js';
import { Pager } from '../../../ui/pager.js';
import { problemMessage } from '../../auth/problem-message.js';
import { InputField, SelectField } from './admin-fields.js';
import { adminOrganisationApi } from './admin-organisation.api.js';
import { CreateUnitForm } from './create-unit.form.js';
import { kindLabel, sectorLabel } from './labels.js';
import { OrganisationImport } from './organisation-import.js';
import { useLoaded } from './use-loaded.js';

const PAGE_SIZE = 20;

/** /admin/units: the units, searched and paged; deactivate or reactivate (never delete); the spreadsheet import. */
export function UnitsPage() {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<AdminUnitQuery>({ status: 'active', page: 1, pageSize: PAGE_SIZE });
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const list = useLoaded(() => adminOrganisationApi.units(query), JSON.stringify(query));
  const change = (next: Partial<AdminUnitQuery>) => setQuery({ ...query, page: 1, ...next });

  const toggle = async (unit: AdminUnit) => {
    try {
      await adminOrganisationApi.setUnitActive(unit.code, !unit.active);
      setNotice({
        kind: 'success',
        text: unit.active ? t.adminDeactivated(unit.name) : t.adminReactivated(unit.name),
      });
      list.reload();
    } catch (error) {
      setNotice({ kind: 'error', text: problemMessage(error, t, locale) });
    }
  };

  const page = list.value;
  return (
    <>
      <section class="panel" aria-labelledby="units-title">
        <div class="panel__title-row">
          <h1 id="units-title">{t.adminNavUnits}</h1>
          <div class="panel__title-actions">
            {page && <p class="muted">{t.adminResultCount(page.total)}</p>}
            <button
              type="button"
              class="button"
              aria-expanded={creating}
              onClick={() => setCreating(!creating)}
            >
              {t.unitCreate}
            </button>
          </div>
        </div>
        {creating && (
          <CreateUnitForm
            onCancel={() => setCreating(false)}
            onCreated={(unit) => {
              setCreating(false);
              setNotice({ kind: 'success', text: t.unitCreated(unit.name) });
              list.reload();
            }}
          />
        )}
        <form
          class="admin-filters"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            change({ q: typed });
          }}
        >
          <InputField
            label={t.adminSearch}
            type="search"
            value={typed}
            hint={t.unitsSearchHint}
            onInput={setTyped}
          />
          <SelectField
            label={t.unitKind}
            value={query.kind ?? ''}
            options={[
              { value: '', label: t.adminAll },
              ...(['ban', 'doan-the', 'co-so'] as const).map((kind) => ({
                value: kind,
                label: kindLabel(kind, t),
              })),
            ]}
            onChange={(value) => change(value ? { kind: value as AdminUnitKind } : { kind: undefined })}
          />
          <SelectField
            label={t.adminStatus}
            value={query.status ?? 'active'}
            options={[
              { value: 'active', label: t.adminStatusActive },
              { value: 'inactive', label: t.adminStatusInactive },
              { value: 'all', label: t.adminStatusAll },
            ]}
            onChange={(value) => change({ status: value as AdminUnitQuery['status'] })}
          />
          <button type="submit" class="button">
            {t.adminSearchSubmit}
          </button>
        </form>
        {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
        {list.error !== undefined && <Alert kind="error">{problemMessage(list.error, t, locale)}</Alert>}
        {!page && list.error === undefined && <p class="muted">{t.loading}</p>}
        {page && page.items.length === 0 && <p class="empty">{t.adminNothingFound}</p>}
        {page && page.items.length > 0 && (
          <div class="table-scroll">
            <table class="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t.unitCode}</th>
                  <th scope="col">{t.unitName}</th>
                  <th scope="col">{t.unitKind}</th>
                  <th scope="col">{t.adminStatus}</th>
                  <th scope="col">{t.adminActions}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((unit) => (
                  <tr key={unit.code}>
                    <td>
                      <code>{unit.code}</code>
                    </td>
                    <td>{unit.name}</td>
                    <td>
                      {kindLabel(unit.kind, t)}
                      {unit.sector && <span class="admin-table__sub">{sectorLabel(unit.sector, t)}</span>}
                    </td>
                    <td>{unit.active ? t.adminStatusActive : t.adminStatusInactive}</td>
                    <td>
                      <button
                        type="button"
                        class="button"
                        aria-label={`${unit.active ? t.adminDeactivate : t.adminReactivate}: ${unit.name}`}
                        onClick={() => void toggle(unit)}
                      >
                        {unit.active ? t.adminDeactivate : t.adminReactivate}
                      </button>
                    </td>
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
      <OrganisationImport onImported={list.reload} />
    </>
  );
}
