import { useI18n } from '../../i18n/i18n.js';
import type { SessionUser } from '../auth/auth.api.js';
import { roleLabel } from './role-label.js';

/** The signed-in user's name with their units and the roles held in each. */
export function UserSummary({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  return (
    <div class="user-summary">
      <p class="user-summary__name" data-testid="user-name">
        <span class="visually-hidden">{t.signedInAs}: </span>
        {user.fullName}
      </p>
      <ul class="user-summary__units" aria-label={t.units}>
        {user.memberships.map((membership) => (
          <li key={membership.unitCode}>
            <span class="user-summary__unit">{membership.unitName || membership.unitCode}</span>
            {' · '}
            <span class="user-summary__roles">
              {membership.roles.map((role) => roleLabel(role, t)).join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
