import type { Request, Response } from 'express';
import { badRequest } from '../../lib/errors.js';
import type { DecisionDeployResult } from '../../shared/contracts/index.js';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import type { DecisionStudioService } from './decision-studio.service.js';
import { DecisionCheckBody, DecisionDeployBody, RollbackBody } from './studio.schemas.js';

const ADMIN = anyRole('admin');
const BASE = '/api/admin/studio/decisions';

function idOf(req: Request): string {
  const id = String(req.params.id);
  if (!/^[A-Za-z_][\w.-]{0,127}$/.test(id))
    throw badRequest('invalid_id', 'Mã bảng quyết định không hợp lệ.');
  return id;
}
function versionOf(req: Request): number {
  const version = Number(req.params.version);
  if (!Number.isInteger(version) || version < 1)
    throw badRequest('invalid_version', 'Số phiên bản không hợp lệ.');
  return version;
}
/** The audit detail reads what the handler deployed, kept on the response. */
const deployDetail = (res: Response, note: string): Record<string, string> => {
  const deployed = res.locals.decisionDeployed as DecisionDeployResult | undefined;
  return {
    version: String(deployed?.version ?? ''),
    decisions: (deployed?.decisions ?? []).map((d) => `${d.decisionDefinitionId}@${d.version}`).join(','),
    note,
  };
};

/** Decision tables in the studio: list with versions, one version's DMN, check, deploy, roll back. Admins only. */
export function decisionStudioRoutes(decisions: DecisionStudioService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: BASE,
      permission: ADMIN,
      summary: 'Every decision requirements graph (.dmn) with its versions (who, when, note) and decisions',
      handler: async ({ res }) => {
        res.json({ decisions: await decisions.list() });
      },
    }),
    defineRoute({
      method: 'get',
      path: `${BASE}/:id/versions/:version/xml`,
      permission: ADMIN,
      summary: "One version's DMN XML",
      handler: async ({ req, res }) => {
        res.json({ xml: await decisions.versionXml(idOf(req), versionOf(req)) });
      },
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/:id/check`,
      permission: ADMIN,
      body: DecisionCheckBody,
      summary: 'Check a DMN file: read by the DMN parser, FEEL of every cell (400 when it is not DMN)',
      handler: async ({ req, res, body }) => {
        res.json(await decisions.check(idOf(req), body.xml));
      },
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/:id/deploy`,
      permission: ADMIN,
      body: DecisionDeployBody,
      summary:
        "Check, then deploy a DMN file as a new version (DeployResource; the engine's refusal is a 400)",
      audit: { action: 'decision.deploy', detail: ({ res, body }) => deployDetail(res, body.note) },
      handler: async ({ req, res, body, principal }) => {
        const deployed = await decisions.deploy(principal!.username, idOf(req), body.xml, body.note);
        res.locals.decisionDeployed = deployed;
        res.status(201).json(deployed);
      },
    }),
    defineRoute({
      method: 'post',
      path: `${BASE}/:id/rollback`,
      permission: ADMIN,
      body: RollbackBody,
      summary: "Roll back: deploy an earlier version's DMN again, as a new version",
      audit: {
        action: 'decision.rollback',
        detail: ({ res, body }) => ({ ...deployDetail(res, body.note), from: String(body.version) }),
      },
      handler: async ({ req, res, body, principal }) => {
        const deployed = await decisions.rollback(principal!.username, idOf(req), body.version, body.note);
        res.locals.decisionDeployed = deployed;
        res.status(201).json(deployed);
      },
    }),
  ];
}
