import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.js';
import type { AdminRole, AdminUser } from '../../../lib/contracts.js';
import { Alert } from '../../../ui/alert.js';
import { problemMessage } from '../../auth/problem-message.js';
import { roleLabel } from '../../shell/role-label.js';
import { InputField, SelectField } from './admin-fields.js';
import { adminOrganisationApi } from './admin-organisation.api.js';

const ROLES: AdminRole[] = ['staff', 'head', 'admin', 'supervisor'];

/** One user's roles per unit (add, remove), active flag and temporary password; every change checked by the server. */
export function UserManager(props: {
  user: AdminUser;
  units: { code: string; name: string }[];
  onChanged(user: AdminUser): void;
}) {
  const { t, locale } = useI18n();
  const { user } = props;
  const [unitCode, setUnitCode] = useState(props.units[0]?.code ?? '');
  const [role, setRole] = useState<AdminRole>('staff');
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | undefined>(undefined);
  const unitName = (code: string) => props.units.find((unit) => unit.code === code)?.name ?? code;

  const act = async (action: () => Promise<AdminUser>, success: string) => {
    try {
      props.onChanged(await action());
      setNotice({ kind: 'success', text: success });
    } catch (error) {
      setNotice({ kind: 'error', text: problemMessage(error, t, locale) });
    }
  };

  return (
    <div class="user-manager" role="group" aria-label={t.userManageTitle(user.fullName)}>
      <ul class="user-manager__roles">
        {user.memberships.flatMap((membership) =>
          membership.roles.map((held) => (
            <li key={`${membership.unitCode}:${held}`}>
              {unitName(membership.unitCode)} · {roleLabel(held, t)}{' '}
              <button
                type="button"
                class="button"
                aria-label={t.userRemoveRole(roleLabel(held, t), unitName(membership.unitCode))}
                onClick={() =>
                  void act(
                    () => adminOrganisationApi.removeRole(user.username, membership.unitCode, held),
                    t.userRoleRemoved,
                  )
                }
              >
                ×
              </button>
            </li>
          )),
        )}
      </ul>
      <form
        class="admin-filters"
        onSubmit={(event) => {
          event.preventDefault();
          void act(() => adminOrganisationApi.addRole(user.username, unitCode, role), t.userRoleAdded);
        }}
      >
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
        <button type="submit" class="button">
          {t.userAddRole}
        </button>
      </form>
      <form
        class="admin-filters"
        onSubmit={(event) => {
          event.preventDefault();
          void act(
            () => adminOrganisationApi.setTemporaryPassword(user.username, password),
            t.userPasswordSet,
          ).then(() => setPassword(''));
        }}
      >
        <InputField
          label={t.userTemporaryPassword}
          value={password}
          hint={t.userTemporaryPasswordHint}
          onInput={setPassword}
        />
        <button type="submit" class="button" disabled={password.length === 0}>
          {t.userSetPassword}
        </button>
      </form>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
    </div>
  );
}
