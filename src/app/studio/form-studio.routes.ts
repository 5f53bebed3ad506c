import type { Request } from 'express';
import { badRequest } from '../../lib/errors.js';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import type { FormStudioService } from './form-studio.service.js';
import { FormDeployBody, FormValidateBody } from './studio.schemas.js';

const ADMIN = anyRole('admin');
const BASE = '/api/admin/studio/forms';

function formIdOf(req: Request): string {
  const id = String(req.params.id);
  if (!/^[A-Za-z_][\w.-]{0,127}$/.test(id)) throw badRequest('invalid_id', 'Mã biểu mẫu không hợp lệ.');
  return id;
}

/** Forms in the studio: list with "used by", one form's schema, validate, deploy. Admins only. */
export function formStudioRoutes(forms: FormStudioService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: BASE,
      permission: ADMIN,
      summary: 'Every form with the processes and steps that link it and its studio versions',
      handler: async ({ res }) => {
        res.json(await forms.list());
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/:id`,
      permission: ADMIN,
      summary: 'One form: its schema in force and the steps that use it',
      handler: async ({ req, res }) => {
        res.json(await forms.detail(formIdOf(req)));
      },
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/:id/validate`,
      permission: ADMIN,
      body: FormValidateBody,
      summary: "Check a form schema with the server's form compiler (204, or 400 with the reason)",
      handler: ({ req, res, body }) => {
        forms.validate(formIdOf(req), body.content);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/:id/deploy`,
      permission: ADMIN,
      body: FormDeployBody,
      summary: 'Validate, then deploy a form as a new version (DeployResource)',
      audit: {
        action: 'form.deploy',
        detail: ({ res, body }) => ({ version: String(res.locals.formVersion ?? ''), note: body.note }),
      },
      handler: async ({ req, res, body, principal }) => {
        const deployed = await forms.deploy(principal!.username, formIdOf(req), body.content, body.note);
        res.locals.formVersion = deployed.version;
        res.status(201).json(deployed);
      },
    }),
  ];
}
