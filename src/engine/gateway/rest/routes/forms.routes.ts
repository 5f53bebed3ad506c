import type { Form } from '../../../engine-api.js';
import { ok, route, type RestRoute } from '../rest-route.js';

export function toFormResult(form: Form): object {
  return {
    formKey: form.formKey,
    formId: form.formId,
    version: form.version,
    tenantId: form.tenantId,
    schema: JSON.parse(form.schema) as unknown,
  };
}

export const formRoutes: RestRoute[] = [
  route({
    method: 'get',
    path: '/forms/:formKey',
    handle: async ({ params, engine }) => ok(toFormResult(await engine.getForm(params.formKey ?? ''))),
  }),
];
