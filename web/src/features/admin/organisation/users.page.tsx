import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.js';
import type { AdminRole, AdminUser, AdminUserQuery } from '../../../lib/contracts.js';
import { requestJson } from '../../../lib/http.js';
import { Alert } from '../../../ui/alert.js';
import { Pager } from '../../../ui/pager.js';
import { problemMessage } from '../../auth/problem-message.js';
import { roleLabel } from '../../shell/role-label.js';
import { InputField, SelectField } from './admin-fields.js';
import { adminOrganisationApi } from './admin-organisation.api.js';
import { CreateUserForm } from './create-user.form.js';
import { UserManager } from './user-manager.js';
import { useLoaded } from './use-loaded.js';

const PAGE_SIZE = 20;
const ROLES: AdminRole[] = ['staff', 'head', 'admin', 'supervisor'];

/** /admin/users: accounts searched and paged; deactivate or reactivate, roles per unit, a temporary password. */
export function UsersPage() {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<AdminUserQuery>({ status: 'active', page: 1, pageSize: PAGE_SIZE });
  const [open, setOpen] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const list = useLoaded(() => adminOrganisationApi.users(query), JSON.stringify(query));
  const units = useLoaded(
    () => requestJson<{ items: { code: string; name: string }[] }>('/api/organisation/units'),
    'units',
  );
  const unitOptions = units.value?.items ?? [];
  const unitName = (code: string) => unitOptions.find((unit) => unit.code === code)?.name ?? code;
  const change = (next: Partial<AdminUserQuery>) => setQuery({ ...query, page: 1, ...next });

  const toggle = async (user: AdminUser) => {
    try {
      await adminOrganisationApi.setUserActive(user.username, !user.active);
      setNotice({
        kind: 'success',
        text: user.active ? t.adminDeactivated(user.fullName) : t.adminReactivated(user.fullName),
      });
      list.reload();
    } catch (error) {
      setNotice({ kind: 'error', text: problemMessage(error, t, locale) });
    }
  };

  const page = list.value;
  return (
    <section class="panel" aria-labelledby="users-title">
      <div class="panel__title-row">
        <h1 id="users-title">{t.adminNavUsers}</h1>
        <div class="panel__title-actions">
          {page && <p class="muted">{t.adminResultCount(page.total)}</p>}
          <button
            type="button"
            class="button"
            aria-expanded={creating}
            onClick={() => setCreating(!creating)}
          >
            {t.userCreate}
          </button>
        </div>
      </div>
      {creating && (
        <CreateUserForm
          units={unitOptions}
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setNotice({ kind: 'success', text: t.userCreated(user.fullName) });
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
          hint={t.usersSearchHint}
          onInput={setTyped}
        />
        <SelectField
          label={t.units}
          value={query.unit ?? ''}
          options={[
            { value: '', label: t.adminAll },
            ...unitOptions.map((unit) => ({ value: unit.code, label: unit.name })),
          ]}
          onChange={(value) => change({ unit: value || undefined })}
        />
        <SelectField
          label={t.roles}
          value={query.role ?? ''}
          options={[
            { value: '', label: t.adminAll },
            ...ROLES.map((role) => ({ value: role, label: roleLabel(role, t) })),
          ]}
          onChange={(value) => change({ role: (value || undefined) as AdminRole | undefined })}
        />
        <SelectField
          label={t.adminStatus}
          value={query.status ?? 'active'}
          options={[
            { value: 'active', label: t.adminStatusActive },
            { value: 'inactive', label: t.adminStatusInactive },
            { value: 'all', label: t.adminStatusAll },
          ]}
          onChange={(value) => change({ status: value as AdminUserQuery['status'] })}
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
                <th scope="col">{t.userFullName}</th>
                <th scope="col">{t.userMemberships}</th>
                <th scope="col">{t.adminStatus}</th>
                <th scope="col">{t.adminActions}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((user) => [
                <tr key={user.username}>
                  <td>
                    {user.fullName}
                    <span class="admin-table__sub">{user.username}</span>
                  </td>
                  <td>
                    {user.memberships.map((m) => (
                      <span key={m.unitCode} class="admin-table__line">
                        {unitName(m.unitCode)}: {m.roles.map((role) => roleLabel(role, t)).join(', ')}
                      </span>
                    ))}
                  </td>
                  <td>
                    {user.active ? t.adminStatusActive : t.adminStatusInactive}
                    {!user.hasPassword && <span class="tag">{t.userNoPassword}</span>}
                    {user.hasPassword && user.mustChangePassword && (
                      <span class="tag">{t.userMustChange}</span>
                    )}
                  </td>
                  <td class="admin-table__actions">
                    <button
                      type="button"
                      class="button"
                      aria-expanded={open === user.username}
                      aria-label={t.userManageTitle(user.fullName)}
                      onClick={() => setOpen(open === user.username ? undefined : user.username)}
                    >
                      {t.userManage}
                    </button>
                    <button
                      type="button"
                      class="button"
                      aria-label={`${user.active ? t.adminDeactivate : t.adminReactivate}: ${user.fullName}`}
                      onClick={() => void toggle(user)}
                    >
                      {user.active ? t.adminDeactivate : t.adminReactivate}
                    </button>
                  </td>
                </tr>,
                open === user.username && (
                  <tr key={`${user.username}-manage`}>
                    <td colSpan={4}>
                      <UserManager user={user} units={unitOptions} onChanged={() => list.reload()} />
                    </td>
                  </tr>
                ),
              ])}
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
