import type { PeriodProcessId } from '../../shared/contracts/index.js';
import { holdsRole } from '../http/permissions.js';
import type { Principal } from '../http/route.types.js';

const member = (principal: Principal, unitCode: string) =>
  principal.memberships.some(
    (m) => m.unitCode === unitCode && (m.roles.includes('staff') || m.roles.includes('head')),
  );

/**
 * The periods a user may watch: supervisors all; Ban Tuyên giáo the reporting periods and review rounds it
 * collects (Art. 10.2, 11.3, 11.4); Văn phòng and Thường trực the briefing quarters (Art. 4.2). Nobody else.
 */
export function periodProcessesOf(principal: Principal): PeriodProcessId[] {
  if (holdsRole(principal, 'supervisor')) return ['bao-cao-dan-van', 'danh-gia-khen-thuong', 'giao-ban-quy'];
  const visible: PeriodProcessId[] = [];
  if (member(principal, 'ban-tuyen-giao')) visible.push('bao-cao-dan-van', 'danh-gia-khen-thuong');
  if (member(principal, 'van-phong') || member(principal, 'thuong-truc')) visible.push('giao-ban-quy');
  return visible;
}
