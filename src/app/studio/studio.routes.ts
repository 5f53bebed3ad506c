import type { Request, Response } from 'express';
import { badRequest } from '../../lib/errors.js';
import type { DeployResult, DraftKind } from '../../shared/contracts/index.js';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import { DeployBody, DraftBody, LintBody, RollbackBody } from './studio.schemas.js';
import type { StudioService } from './studio.service.js';

const ADMIN = anyRole('admin');
const BASE = '/api/admin/studio';

const RESOURCE_ID = /^[A-Za-z_][\w.-]{0,127}$/;
function idOf(req: Request): string {
  const id = String(req.params.id);
  if (!RESOURCE_ID.test(id))
    throw badRequest('invalid_id', 'Mã quy trình, biểu mẫu hoặc bảng quyết định không hợp lệ.');
  return id;
}
function kindOf(req: Request): DraftKind {
  const kind = String(req.params.kind);
  if (kind !== 'process' && kind !== 'form' && kind !== 'decision')
    throw badRequest('invalid_kind', 'Loại bản nháp không hợp lệ.');
  return kind;
}
function versionOf(req: Request): number {
  const version = Number(req.params.version);
  if (!Number.isInteger(version) || version < 1)
    throw badRequest('invalid_version', 'Số phiên bản không hợp lệ.');
  return version;
}
/** The audit detail reads what the handler deployed, kept on the response. */
const deployedOf = (res: Response): DeployResult | undefined =>
  res.locals.studioDeployed as DeployResult | undefined;
const deployDetail = (res: Response, note: string): Record<string, string> => {
  const deployed = deployedOf(res);
  return {
    version: String(deployed?.version ?? ''),
    forms: (deployed?.forms ?? []).map((form) => `${form.formId}@${form.version}`).join(','),
    note,
  };
};

/** The administrators' studio: processes and versions, drafts, lint, deploy and roll back. Admins only. */
export function studioRoutes(studio: StudioService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: `${BASE}/processes`,
      permission: ADMIN,
      summary: 'Every process with its versions (who, when, note) and running instances per version',
      handler: async ({ res }) => {
        res.json({ processes: await studio.processes() });
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/catalogue`,
      permission: ADMIN,
      summary: 'Job types with a worker, form ids and candidate groups (element templates, lint)',
      handler: async ({ res }) => {
        res.json(await studio.catalogue());
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/processes/:id/versions/:version/xml`,
      permission: ADMIN,
      summary: 'The BPMN of one deployed version',
      handler: async ({ req, res }) => {
        res.json({ xml: await studio.versionXml(idOf(req), versionOf(req)) });
      },
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/lint`,
      permission: ADMIN,
      body: LintBody,
      summary: "Lint a diagram with Camunda 8.8's rules and ours",
      handler: async ({ res, body }) => {
        res.json(await studio.lint(body.xml));
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/drafts/:kind/:id`,
      permission: ADMIN,
      summary: "The signed-in administrator's draft of a process, form or decision table (null when none)",
      handler: async ({ req, res, principal }) => {
        res.json(await studio.draft(principal!.username, kindOf(req), idOf(req)));
      },
    }),
    defineRoute({
      method: 'put',
      path: `${BASE}/drafts/:kind/:id`,
      permission: ADMIN,
      body: DraftBody,
      summary: 'Save a draft (one per administrator and resource)',
      handler: async ({ req, res, body, principal }) => {
        res.json(await studio.saveDraft(principal!.username, kindOf(req), idOf(req), body.content));
      },
    }),
    defineRoute({
      method: 'delete',
      path: `${BASE}/drafts/:kind/:id`,
      permission: ADMIN,
      summary: 'Discard a draft',
      handler: async ({ req, res, principal }) => {
        await studio.discardDraft(principal!.username, kindOf(req), idOf(req));
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/processes/:id/deploy`,
      permission: ADMIN,
      body: DeployBody,
      summary: 'Lint, then deploy a process with its linked forms (DeployResource) as a new version',
      audit: { action: 'process.deploy', detail: ({ res, body }) => deployDetail(res, body.note) },
      handler: async ({ req, res, body, principal }) => {
        const deployed = await studio.deploy(principal!.username, idOf(req), body.xml, body.note);
        res.locals.studioDeployed = deployed;
        res.status(201).json(deployed);
      },
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/processes/:id/rollback`,
      permission: ADMIN,
      body: RollbackBody,
      summary: "Roll back: deploy an earlier version's BPMN again, as a new version",
      audit: {
        action: 'process.rollback',
        detail: ({ res, body }) => ({ ...deployDetail(res, body.note), from: String(body.version) }),
      },
      handler: async ({ req, res, body, principal }) => {
        const deployed = await studio.rollback(principal!.username, idOf(req), body.version, body.note);
        res.locals.studioDeployed = deployed;
        res.status(201).json(deployed);
      },
    }),
  ];
}
