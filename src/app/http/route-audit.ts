import type { Express } from 'express';
import { INFRASTRUCTURE, ROUTE_DEFINITION, type GuardedHandler } from './route-mounter.js';
import type { RouteDefinition } from './route.types.js';

export interface AuditedRoute {
  method: string;
  path: string;
  definition: RouteDefinition | undefined;
}

/** Middleware that can answer requests but is neither a guarded route nor createApp's own infrastructure. */
export function listUnvettedMiddleware(app: Express): string[] {
  const found: string[] = [];
  const visit = (layers: RouterLayer[], prefix: string): void => {
    for (const layer of layers) {
      if (layer.route) continue;
      if (layer.name === 'router') visit(layersOf(layer.handle), `${prefix}<nested>`);
      else if (!(layer.handle as { [INFRASTRUCTURE]?: true } | undefined)?.[INFRASTRUCTURE])
        found.push(`${prefix}${layer.name || '<anonymous>'}`);
    }
  };
  visit(layersOf((app as unknown as { router: unknown }).router), '');
  return found;
}

interface RouterLayer {
  route?: { path: string | RegExp; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle: unknown;
  name?: string;
}

function layersOf(handle: unknown): RouterLayer[] {
  const stack = (handle as { stack?: unknown } | undefined)?.stack;
  return Array.isArray(stack) ? (stack as RouterLayer[]) : [];
}

/**
 * Every route express actually holds, read from its own router stack (including nested routers), each with the
 * definition mountRoutes attached — or undefined when the route was registered some other way.
 */
export function listRoutes(app: Express): AuditedRoute[] {
  const found: AuditedRoute[] = [];
  const visit = (layers: RouterLayer[], prefix: string): void => {
    for (const layer of layers) {
      if (layer.route) {
        const first = layer.route.stack[0]?.handle as GuardedHandler | undefined;
        const definition = layer.route.stack.length === 1 ? first?.[ROUTE_DEFINITION] : undefined;
        for (const method of Object.keys(layer.route.methods))
          found.push({ method, path: `${prefix}${String(layer.route.path)}`, definition });
      } else if (layer.name === 'router') {
        visit(layersOf(layer.handle), `${prefix}<nested>`);
      }
    }
  };
  visit(layersOf((app as unknown as { router: unknown }).router), '');
  return found;
}

/** Routes without a permission (or public routes outside the allowed list), as readable problems. */
export function auditRoutes(app: Express, allowedPublic: readonly string[]): string[] {
  const problems = listUnvettedMiddleware(app).map(
    (name) =>
      `middleware ${name}: không đăng ký qua createApp/mountRoutes (có thể trả lời mà không kiểm tra quyền)`,
  );
  for (const route of listRoutes(app)) {
    const label = `${route.method.toUpperCase()} ${route.path}`;
    if (!route.definition) problems.push(`${label}: không đăng ký qua mountRoutes (không có kiểm tra quyền)`);
    else if (route.definition.permission.kind === 'public' && !allowedPublic.includes(label))
      problems.push(`${label}: công khai nhưng không nằm trong danh sách được phép`);
    else if (
      route.definition.permission.kind === 'policy' &&
      typeof route.definition.permission.allows !== 'function'
    )
      problems.push(`${label}: thiếu hàm kiểm tra quyền`);
  }
  return problems;
}
