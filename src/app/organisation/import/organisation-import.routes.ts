import { Type } from '@sinclair/typebox';
import { badRequest } from '../../../lib/errors.js';
import { anyRole } from '../../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../../http/route.types.js';
import { importTemplate } from './import-template.js';
import type { OrganisationImportService } from './organisation-import.service.js';

const ADMIN = anyRole('admin');

const ImportBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    contentBase64: Type.String({ minLength: 1, maxLength: 1_400_000, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
    apply: Type.Boolean(),
  },
  { additionalProperties: false },
);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function organisationImportRoutes(imports: OrganisationImportService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/organisation/import-template',
      permission: ADMIN,
      summary: 'The spreadsheet template of the organisation import (.xlsx, with a guide)',
      handler: async ({ res }) => {
        res.setHeader('content-type', XLSX);
        res.setHeader(
          'content-disposition',
          `attachment; filename="mau-nhap-to-chuc.xlsx"; filename*=UTF-8''${encodeURIComponent('mẫu-nhập-tổ-chức.xlsx')}`,
        );
        res.send(await importTemplate());
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/organisation/import',
      permission: ADMIN,
      body: ImportBody,
      summary:
        'Check (apply: false) or import (apply: true) units, heads and staff from an .xlsx or CSV; any bad row refuses the whole file (422, errors per row)',
      audit: {
        action: 'organisation.import',
        target: ({ body }) => body.fileName,
        // Only a write is an administrative change; a check reads.
        when: ({ body }) => body.apply,
        detail: ({ res }) => {
          const summary = (res.locals.importSummary ?? {}) as Record<string, number>;
          return Object.fromEntries(Object.entries(summary).map(([key, value]) => [key, String(value)]));
        },
      },
      handler: async ({ res, body, principal }) => {
        const content = Buffer.from(body.contentBase64, 'base64');
        if (content.length === 0) throw badRequest('import_empty', 'Tệp trống.');
        const result = await imports.run({
          fileName: body.fileName,
          content,
          apply: body.apply,
          by: principal?.username ?? '-',
        });
        res.locals.importSummary = result.summary;
        res.json(result);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/organisation/imports/interrupted',
      permission: ADMIN,
      summary: 'Imports that began writing and did not finish (importing the same file again completes them)',
      handler: async ({ res }) => {
        res.json({ items: await imports.interrupted() });
      },
    }),
  ];
}
