/**
 * The endpoints of Camunda 8.8's Orchestration Cluster API this engine does not serve, and why. Each answers 501
 * with a problem detail giving the reason (rest-gateway.ts), so a client learns at once that it reached a
 * deliberate gap rather than a wrong path. scripts/endpoint-table.ts writes README.md's endpoint table from the
 * API's operations, the route table and these reasons; tests/engine/gateway/endpoint-table.test.ts checks that
 * every operation of the API is either served or refused here.
 *
 * A pattern is a path below /v2 with `{param}` segments; one ending in `/**` covers the path and everything below.
 * A served route always wins: the gateway mounts these after the real routes.
 */
export interface RefusedArea {
  patterns: readonly string[];
  reason: string;
}

export const REFUSED_AREAS: readonly RefusedArea[] = [
  {
    patterns: [
      '/authentication/**',
      '/users/**',
      '/groups/**',
      '/roles/**',
      '/tenants/**',
      '/mapping-rules/**',
      '/authorizations/**',
      '/setup/**',
    ],
    reason:
      'Identity is not part of this single-node, single-tenant engine: it has no users, groups, roles, tenants, mapping rules or authorizations (the app keeps its own accounts; the gateway takes one Basic credential or token).',
  },
  {
    patterns: ['/license'],
    reason: 'There is no Camunda licence to report: this is an embedded, Zeebe-compatible engine.',
  },
  {
    patterns: ['/system/usage-metrics'],
    reason: "Usage metrics are Camunda's licence accounting; this engine does not count them.",
  },
  {
    patterns: ['/documents/**'],
    reason: "Camunda's document store is not provided: the app keeps its files in its own store.",
  },
  {
    patterns: [
      '/batch-operations/**',
      '/batch-operation-items/**',
      '/process-instances/cancellation',
      '/process-instances/incident-resolution',
      '/process-instances/migration',
      '/process-instances/modification',
    ],
    reason:
      'Batch operations are not supported: apply the single-instance operation (cancellation, incident resolution, migration, modification) to each instance.',
  },
  {
    patterns: ['/element-instances/ad-hoc-activities/**'],
    reason: 'Ad-hoc sub-processes are not supported by the engine: such a process is refused at deploy.',
  },
  {
    patterns: ['/jobs/search'],
    reason:
      'Not served yet: the engine forgets a job once it is completed or cancelled, so a search would miss those; jobs are activated, failed, completed and updated by key.',
  },
  {
    patterns: ['/message-subscriptions/search', '/correlated-message-subscriptions/search'],
    reason:
      'Not served yet: the engine keeps only open message subscriptions, not the correlated or deleted ones such a search reports.',
  },
];

function toRegExp(pattern: string): RegExp {
  const below = pattern.endsWith('/**');
  const base = below ? pattern.slice(0, -3) : pattern;
  const source = base
    .split('/')
    .map((segment) =>
      /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}${below ? '(?:/.*)?' : ''}/?$`);
}

const compiled = REFUSED_AREAS.flatMap((area) =>
  area.patterns.map((pattern) => ({ pattern: toRegExp(pattern), reason: area.reason })),
);

/** Why a path below /v2 is refused, or undefined when it is not (served, or not Camunda's at all: 404). */
export function refusalOf(path: string): string | undefined {
  return compiled.find((each) => each.pattern.test(path))?.reason;
}
