import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.js';
import type { AdminSector, AdminUnit, AdminUnitKind } from '../../../lib/contracts.js';
import { InputField, SelectField } from './admin-fields.js';
import { adminOrganisationApi } from './admin-organisation.api.js';
import { FormFailure } from './form-failure.js';
import { kindLabel, sectorLabel } from './labels.js';

const KINDS: AdminUnitKind[] = ['ban', 'doan-the', 'co-so'];
const SECTORS: AdminSector[] = ['co-quan', 'don-vi-su-nghiep', 'doanh-nghiep'];

/** A new unit; the server checks the code, the name and that only base organisations have a sector. */
export function CreateUnitForm(props: { onCreated(unit: AdminUnit): void; onCancel(): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AdminUnitKind>('co-so');
  const [sector, setSector] = useState<AdminSector>('co-quan');
  const [error, setError] = useState<unknown>(undefined);
  return (
    <form
      class="card admin-create"
      aria-label={t.unitCreate}
      onSubmit={(event) => {
        event.preventDefault();
        adminOrganisationApi
          .createUnit({ code: code.trim(), name, kind, ...(kind === 'co-so' ? { sector } : {}) })
          .then(props.onCreated, setError);
      }}
    >
      <div class="admin-filters">
        <InputField label={t.unitCode} value={code} hint={t.unitCodeHint} onInput={setCode} />
        <InputField label={t.unitName} value={name} onInput={setName} />
        <SelectField
          label={t.unitKind}
          value={kind}
          options={KINDS.map((value) => ({ value, label: kindLabel(value, t) }))}
          onChange={(value) => setKind(value as AdminUnitKind)}
        />
        {kind === 'co-so' && (
          <SelectField
            label={t.unitSector}
            value={sector}
            options={SECTORS.map((value) => ({ value, label: sectorLabel(value, t) }))}
            onChange={(value) => setSector(value as AdminSector)}
          />
        )}
      </div>
      <div class="admin-import__actions">
        <button type="submit" class="button button--primary">
          {t.unitCreateSubmit}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
      {error !== undefined && <FormFailure error={error} />}
    </form>
  );
}
