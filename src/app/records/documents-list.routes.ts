import type { DocumentItem, DocumentList } from '../../shared/contracts/index.js';
import { badRequest } from '../../lib/errors.js';
import { SIGNED_IN } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import { documentVisibleTo, viewerOf } from './document-access.js';
import type { GroupsOfUser } from './documents.routes.js';
import type { DocumentHeader, DocumentQuery } from './records.store.js';

export interface DocumentLister {
  documentHeaders(query: DocumentQuery): Promise<DocumentHeader[]>;
}

const PAGE_SIZE = 50;
const CODE = /^[0-9A-Za-z._:-]{1,100}$/;

/** A query parameter that must look like a code, or be absent. */
function codeParam(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !CODE.test(value))
    throw badRequest('invalid_filter', `Bộ lọc "${name}" không hợp lệ.`);
  return value;
}

function itemOf(header: DocumentHeader): DocumentItem {
  const createdAt =
    header.createdAt instanceof Date ? header.createdAt.toISOString() : String(header.createdAt);
  return {
    id: header.key,
    mauVanBan: header.mauVanBan,
    soKyHieu: header.soKyHieu,
    tenTep: header.tenTep,
    createdAt,
    ngayBanHanh: header.meta?.ngayBanHanh ?? null,
    processId: header.meta?.processId ?? null,
    processInstanceKey: header.processInstanceKey,
    periodCode: header.meta?.periodCode ?? null,
    periodLabel: header.meta?.periodLabel ?? null,
    units: header.meta?.units ?? [],
  };
}

/** GET /api/documents: the generated documents the user may see, filtered, newest first. */
export function documentListRoutes(records: DocumentLister, groupsOfUser: GroupsOfUser): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/documents',
      permission: SIGNED_IN,
      summary:
        'The generated documents the user may see (process, period, unit, instance, text), newest first',
      handler: async ({ req, res, principal }) => {
        const query: DocumentQuery = {};
        const processId = codeParam(req.query.processId, 'processId');
        const periodCode = codeParam(req.query.period, 'period');
        const unitCode = codeParam(req.query.unit, 'unit');
        const instance = codeParam(req.query.processInstanceKey, 'processInstanceKey');
        if (instance !== undefined && !/^[0-9]{1,19}$/.test(instance))
          throw badRequest('invalid_filter', 'Bộ lọc "processInstanceKey" không hợp lệ.');
        if (processId) query.processId = processId;
        if (periodCode) query.periodCode = periodCode;
        if (unitCode) query.unitCode = unitCode;
        if (instance) query.processInstanceKey = instance;
        const q =
          typeof req.query.q === 'string' ? req.query.q.trim().toLocaleLowerCase('vi').slice(0, 100) : '';
        const rawPage = Number(req.query.page ?? 1);
        const page = Number.isInteger(rawPage) && rawPage >= 1 ? Math.min(rawPage, 1000) : 1;

        const viewer = viewerOf(principal!, await groupsOfUser(principal!.username));
        const visible = (await records.documentHeaders(query))
          .filter((d) => documentVisibleTo(d, viewer))
          .map(itemOf)
          .filter(
            (d) =>
              !q ||
              [d.soKyHieu, d.tenTep, d.periodLabel ?? '', ...d.units.map((u) => u.name)]
                .join(' ')
                .toLocaleLowerCase('vi')
                .includes(q),
          );
        const answer: DocumentList = {
          total: visible.length,
          page,
          pageSize: PAGE_SIZE,
          items: visible.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        };
        res.setHeader('Cache-Control', 'private, no-store');
        res.json(answer);
      },
    }),
  ];
}
