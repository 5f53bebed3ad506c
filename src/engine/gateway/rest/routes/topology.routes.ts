import { ok, route, type RestRoute } from '../rest-route.js';

export function topologyRoutes(advertised: () => { host: string; port: number }): RestRoute[] {
  return [
    // Camunda's `GET /v2/status`: 204 while the partition's leader is healthy (here: the database answers), else 503.
    route({
      method: 'get',
      path: '/status',
      handle: async ({ engine }) => ({ status: engine.topology().health === 'HEALTHY' ? 204 : 503 }),
    }),
    route({
      method: 'get',
      path: '/topology',
      handle: async ({ engine }) => {
        const topology = engine.topology();
        const { host, port } = advertised();
        return ok({
          brokers: [
            {
              nodeId: 0,
              host,
              port,
              version: topology.gatewayVersion,
              partitions: Array.from({ length: topology.partitionsCount }, (_unused, index) => ({
                partitionId: index + 1,
                role: 'leader',
                health: topology.health === 'HEALTHY' ? 'healthy' : 'unhealthy',
              })),
            },
          ],
          clusterSize: topology.clusterSize,
          partitionsCount: topology.partitionsCount,
          replicationFactor: topology.replicationFactor,
          gatewayVersion: topology.gatewayVersion,
          lastCompletedChangeId: '-1',
        });
      },
    }),
  ];
}
