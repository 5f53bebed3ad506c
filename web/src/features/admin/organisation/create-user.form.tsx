import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.js';
import type { AdminRole, AdminUser } from '../../../lib/contracts.js';
import { roleLabel } from '../../shell/role-label.js';
import { InputField, SelectField } from './admin-fields.js';
import { adminOrganisationApi } from './admin-organisation.api.js';
import { FormFailure } from './form-failure.js';

const ROLES: AdminRole[] = ['staff', 'head', 'admin', 'supervisor'];

/** A new account with one role in one unit and a temporary password, changed at first sign-in. */
export function CreateUserForm(props: {
  units: { code: string; name: string }[];
  onCreated(user: AdminUser): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [unitCode, setUnitCode] = useState(props.units[0]?.code ?? '');
  const [role, setRole] = useState<AdminRole>('staff');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  return (
    <form
      class="card admin-create"
      aria-label={t.userCreate}
      onSubmit={(event) => {
        event.preventDefault();
        adminOrganisationApi
          .createUser({
            username: username.trim().toLowerCase(),
            fullName,
            password,
            memberships: [{ unitCode, roles: [role] }],
          })
          .then(props.onCreated, setError);
      }}
    >
      <div class="admin-filters">
        <InputField label={t.userName} value={username} hint={t.userNameHint} onInput={setUsername} />
        <InputField label={t.userFullName} value={fullName} onInput={setFullName} />
        <SelectField
          label={t.units}
          value={unitCode}
          options={props.units.map((unit) => ({ value: unit.code, label: unit.name }))}
          onChange={setUnitCode}
        />
        <SelectField
          label={t.roles}
          value={role}
          options={ROLES.map((value) => ({ value, label: roleLabel(value, t) }))}
          onChange={(value) => setRole(value as AdminRole)}
        />
        <InputField
          label={t.userTemporaryPassword}
          value={password}
          hint={t.userTemporaryPasswordHint}
          onInput={setPassword}
        />
      </div>
      <div class="admin-import__actions">
        <button type="submit" class="button button--primary">
          {t.userCreateSubmit}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
      {error !== undefined && <FormFailure error={error} />}
    </form>
  );
}
