import type { PeriodList, UnitReport, UnitStatusCode } from '../../shared/contracts/index.js';
import type { Clock } from '../../lib/clock.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { policy } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import { periodProcessesOf } from './period-access.js';
import type { PeriodDashboardService } from './period-dashboard.service.js';
import { periodWorkbook } from './period-export.js';
import { STATUS_ORDER } from './status-labels.js';

/** Supervisors, Ban Tuyên giáo, Văn phòng and Thường trực; every other user gets 403 from these routes. */
const WATCHES_PERIODS = policy('period-dashboard', (principal) => periodProcessesOf(principal).length > 0);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNIT_CODE = /^[0-9A-Za-z._-]{1,100}$/;

function statusFilter(value: unknown): UnitStatusCode | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (STATUS_ORDER as readonly string[]).includes(value))
    return value as UnitStatusCode;
  throw badRequest('invalid_status', `Trạng thái không hợp lệ: dùng một trong ${STATUS_ORDER.join(', ')}.`);
}

const asciiName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^0-9A-Za-z]+/g, '-')
    .replace(/^-|-$/g, '');

export interface PeriodRouteDependencies {
  service: PeriodDashboardService;
  clock: Clock;
  loadForm(formId: string): Promise<unknown>;
}

/** The compliance dashboard's API (issue 15, point 4). */
export function periodRoutes({ service, clock, loadForm }: PeriodRouteDependencies): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/monitor/periods',
      permission: WATCHES_PERIODS,
      summary: 'The reporting periods, review rounds and briefing quarters the user may watch, newest first',
      handler: async ({ res, principal }) => {
        const answer: PeriodList = { items: await service.list(periodProcessesOf(principal!)) };
        res.json(answer);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/monitor/periods/:id',
      permission: WATCHES_PERIODS,
      summary:
        "A period's dashboard: every unit's status, dates and holder, totals; ?status= filters the rows",
      handler: async ({ req, res, principal }) => {
        const status = statusFilter(req.query.status);
        const { dashboard } = await service.compute(
          String(req.params.id ?? ''),
          periodProcessesOf(principal!),
        );
        res.json(
          status ? { ...dashboard, rows: dashboard.rows.filter((r) => r.status === status) } : dashboard,
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/monitor/periods/:id/export.xlsx',
      permission: WATCHES_PERIODS,
      summary: "A period's dashboard as an Excel workbook (units and totals)",
      handler: async ({ req, res, principal }) => {
        const { dashboard } = await service.compute(
          String(req.params.id ?? ''),
          periodProcessesOf(principal!),
        );
        const content = await periodWorkbook(dashboard, clock.now());
        const name = `Tinh-hinh-${asciiName(dashboard.period.label || dashboard.period.processId)}.xlsx`;
        res.setHeader('Content-Type', XLSX);
        res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
        res.setHeader('Cache-Control', 'private, no-store');
        res.send(content);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/monitor/periods/:id/units/:unitCode/report',
      permission: WATCHES_PERIODS,
      summary: "A unit's sent or accepted report in a period, read only, with the form it was filled in",
      audit: {
        action: 'period.report-read',
        target: ({ req }) => `${String(req.params.id ?? '')}/${String(req.params.unitCode ?? '')}`,
      },
      handler: async ({ req, res, principal }) => {
        const unitCode = String(req.params.unitCode ?? '');
        if (!UNIT_CODE.test(unitCode)) throw notFound('Không tìm thấy đơn vị.');
        const computed = await service.compute(String(req.params.id ?? ''), periodProcessesOf(principal!));
        const { row, data } = await service.report(computed, unitCode);
        const answer: UnitReport = {
          unitCode: row.unitCode,
          unitName: row.unitName,
          status: row.status,
          formId: computed.profile.reportForm,
          schema: await loadForm(computed.profile.reportForm),
          data,
        };
        res.setHeader('Cache-Control', 'private, no-store');
        res.json(answer);
      },
    }),
  ];
}
