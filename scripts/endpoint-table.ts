/**
 * README.md's table of Camunda 8.8's REST v2 endpoints: each operation of the Orchestration Cluster API, served by
 * the embedded engine or refused with 501 and why. The operations are read from the API client Camunda generates
 * from its OpenAPI spec (`@camunda8/orchestration-cluster-api`: one function per operation, with its method and
 * path), the served ones from the engine's route table, the reasons from src/engine/gateway/rest/refused-endpoints.ts.
 * `npx tsx scripts/readme-tables.ts` rewrites it; tests/readme.test.ts fails when it differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { restRoutes } from '../src/engine/gateway/rest/rest-routes.js';
import { refusalOf } from '../src/engine/gateway/rest/refused-endpoints.js';

export interface ApiOperation {
  operationId: string;
  method: string;
  /** Below /v2, with `{param}` segments, as the spec writes it. */
  path: string;
}

/** Every operation of the spec, in the spec's order: `var <operationId> = (options) => … .<method>({ … url: "<path>"`. */
export function apiOperations(): ApiOperation[] {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@camunda8/orchestration-cluster-api'));
  const pattern =
    /var (\w+) = \(options\) => \{\s*return \(options\??\.client \?\? client\)\.(get|post|put|patch|delete)\(\{(?:(?!\nvar )[\s\S])*?url: "([^"]+)"/g;
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.js'))) {
    const source = readFileSync(path.join(dist, file), 'utf8');
    const found = [...source.matchAll(pattern)].map(([, operationId, method, url]) => ({
      operationId: operationId!,
      method: method!.toUpperCase(),
      path: url!,
    }));
    if (found.length > 0) return found;
  }
  throw new Error(`No operations found in ${dist}: has the client's layout changed?`);
}

/** `/jobs/:jobKey` and `/jobs/{jobKey}` alike: parameters become `{}`. */
const shape = (route: string) => route.replace(/:\w+|\{\w+\}/g, '{}');

export interface EndpointRow extends ApiOperation {
  served: boolean;
  /** Why a refused operation answers 501; undefined when served, or when neither (a gap the test reports). */
  refusal?: string;
}

export function endpointRows(): EndpointRow[] {
  const served = new Set(
    restRoutes(() => ({ host: 'localhost', port: 0 })).map(
      (route) => `${route.method.toUpperCase()} ${shape(route.path)}`,
    ),
  );
  return apiOperations().map((operation) => {
    const isServed = served.has(`${operation.method} ${shape(operation.path)}`);
    const refusal = isServed ? undefined : refusalOf(operation.path.replace(/\{\w+\}/g, '1'));
    return { ...operation, served: isServed, ...(refusal ? { refusal } : {}) };
  });
}

export function endpointTable(): string {
  const rows = endpointRows();
  const servedCount = rows.filter((row) => row.served).length;
  const reasons = [...new Set(rows.flatMap((row) => (row.refusal ? [row.refusal] : [])))];
  const lines = rows.map((row) => {
    const answer = row.served
      ? 'served'
      : row.refusal
        ? `501 (${reasons.indexOf(row.refusal) + 1})`
        : '**neither served nor refused**';
    return `| \`${row.method}\` | \`/v2${row.path}\` | \`${row.operationId}\` | ${answer} |`;
  });
  return [
    `${servedCount} of Camunda 8.8's ${rows.length} REST v2 operations are served; the others answer 501 with a`,
    'problem detail giving the reason:',
    '',
    ...reasons.map((reason, index) => `${index + 1}. ${reason}`),
    '',
    '| method | path | operation | answer |',
    '|---|---|---|---|',
    ...lines,
  ].join('\n');
}
