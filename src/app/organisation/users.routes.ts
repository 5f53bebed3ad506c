import type { Request } from 'express';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type Principal, type RouteDefinition } from '../http/route.types.js';
import { badRequest } from '../../lib/errors.js';
import { CreateUserBody, ResetPasswordBody, RoleBody, UpdateUserBody } from './organisation.schemas.js';
import { listQueryOf, matchesStatus, pageOf, searchable } from './listing.js';
import { ROLES, type Role } from './organisation.types.js';
import { publicUser, type PublicUser, type UserService } from './user.service.js';
import { unitCode } from './organisation.schemas.js';

const UNIT_CODE = new RegExp(unitCode.pattern ?? '^$');

/** The list's filters (?q=&unit=&role=&status=&page=&pageSize=), checked. */
function userFilterOf(query: Record<string, unknown>) {
  let unit: string | undefined;
  let role: Role | undefined;
  const list = listQueryOf(query, (value, errors) => {
    const givenUnit = value('unit');
    if (givenUnit !== undefined) {
      if (UNIT_CODE.test(givenUnit)) unit = givenUnit;
      else errors.push({ field: 'unit', message: 'Mã đơn vị không hợp lệ.' });
    }
    const givenRole = value('role');
    if (givenRole !== undefined) {
      if ((ROLES as readonly string[]).includes(givenRole)) role = givenRole as Role;
      else errors.push({ field: 'role', message: `Vai trò là một trong: ${ROLES.join(', ')}.` });
    }
  });
  const inScope = (user: PublicUser): boolean =>
    (unit === undefined && role === undefined) ||
    user.memberships.some(
      (m) => (unit === undefined || m.unitCode === unit) && (role === undefined || m.roles.includes(role)),
    );
  const matches = (user: PublicUser): boolean =>
    matchesStatus(user.active, list.status) &&
    inScope(user) &&
    (list.q === '' || searchable(`${user.username} ${user.fullName} ${user.email ?? ''}`).includes(list.q));
  return { list, matches };
}

const ADMIN = anyRole('admin');
const ADMIN_OR_SUPERVISOR = anyRole('admin', 'supervisor');

const usernameOf = (req: Request): string => String(req.params.username).toLowerCase();

/** Administrators cannot lock themselves out: another administrator must do it. */
function assertNotSelf(principal: Principal | null, username: string, what: string): void {
  if (principal?.username === username)
    throw badRequest('self_lockout', `Không thể tự ${what} của chính mình; hãy nhờ quản trị viên khác.`);
}

export function userRoutes(users: UserService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/users',
      permission: ADMIN_OR_SUPERVISOR,
      summary:
        'Users, one page (?q= username, name or e-mail, accents optional; &unit=&role=; &status=active|inactive|all; &page=&pageSize=)',
      handler: async ({ req, res }) => {
        const filter = userFilterOf(req.query as Record<string, unknown>);
        // The organisation has hundreds of accounts, not millions: filtered in memory, accent-insensitively.
        res.json(pageOf((await users.list()).filter(filter.matches), filter.list));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/users/:username',
      permission: ADMIN_OR_SUPERVISOR,
      summary: 'One user',
      handler: async ({ req, res }) => {
        res.json(publicUser(await users.get(usernameOf(req))));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users',
      permission: ADMIN,
      body: CreateUserBody,
      summary: 'Create a user (must change the password at first sign-in unless told otherwise)',
      audit: {
        action: 'user.create',
        target: ({ body }) => body.username.toLowerCase(),
        detail: ({ body }) => ({
          roles: (body.memberships ?? []).map((m) => `${m.unitCode}:${m.roles.join('+')}`).join(','),
        }),
      },
      handler: async ({ res, body }) => {
        res.status(201).json(await users.create(body));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/users/:username',
      permission: ADMIN,
      body: UpdateUserBody,
      summary: "Update a user's name, e-mail or phone",
      audit: { action: 'user.update', detail: ({ body }) => ({ fields: Object.keys(body).join(',') }) },
      handler: async ({ req, res, body }) => {
        res.json(await users.update(usernameOf(req), body));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:username/deactivate',
      permission: ADMIN,
      summary: 'Deactivate a user and end their sessions (never deleted)',
      audit: { action: 'user.deactivate' },
      handler: async ({ req, res, principal }) => {
        assertNotSelf(principal, usernameOf(req), 'vô hiệu hóa tài khoản');
        res.json(await users.setActive(usernameOf(req), false));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:username/reactivate',
      permission: ADMIN,
      summary: 'Reactivate a user',
      audit: { action: 'user.reactivate' },
      handler: async ({ req, res }) => {
        res.json(await users.setActive(usernameOf(req), true));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:username/password',
      permission: ADMIN,
      body: ResetPasswordBody,
      summary:
        'Set a temporary password (must be changed at next sign-in); unlocks the account, ends its sessions',
      audit: { action: 'user.password-reset' },
      handler: async ({ req, res, body, principal }) => {
        assertNotSelf(principal, usernameOf(req), 'đặt lại mật khẩu');
        res.json(await users.resetPassword(usernameOf(req), body.temporaryPassword));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:username/require-password-change',
      permission: ADMIN,
      summary:
        'Make the user choose a new password at their next request (nothing else is allowed until then)',
      audit: { action: 'user.password-change-required' },
      handler: async ({ req, res }) => {
        res.json(await users.requirePasswordChange(usernameOf(req)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:username/roles',
      permission: ADMIN,
      body: RoleBody,
      summary: 'Assign a role in a unit',
      audit: {
        action: 'user.role-add',
        detail: ({ body }) => ({ unitCode: body.unitCode, role: body.role }),
      },
      handler: async ({ req, res, body }) => {
        res.json(await users.addRole(usernameOf(req), body.unitCode, body.role));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:username/roles/remove',
      permission: ADMIN,
      body: RoleBody,
      summary: 'Remove a role in a unit',
      audit: {
        action: 'user.role-remove',
        detail: ({ body }) => ({ unitCode: body.unitCode, role: body.role }),
      },
      handler: async ({ req, res, body, principal }) => {
        if (body.role === 'admin') assertNotSelf(principal, usernameOf(req), 'gỡ vai trò quản trị');
        res.json(await users.removeRole(usernameOf(req), body.unitCode, body.role));
      },
    }),
  ];
}
