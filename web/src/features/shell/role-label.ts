import type { Messages, TextKey } from '../../i18n/messages.types.js';

const keys: Record<string, TextKey> = {
  staff: 'roleStaff',
  head: 'roleHead',
  admin: 'roleAdmin',
  supervisor: 'roleSupervisor',
};

export function roleLabel(role: string, t: Messages): string {
  const key = keys[role];
  return key ? t[key] : role;
}
