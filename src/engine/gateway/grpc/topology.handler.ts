import { unary } from './grpc-handler.js';

/** One broker that leads the one partition: the embedded engine is a single node. */
export const topologyHandler = unary<object, object>(async (_request, { engine, advertised }) => {
  const topology = engine.topology();
  return {
    brokers: [
      {
        nodeId: 0,
        host: advertised.host,
        port: advertised.port,
        version: topology.gatewayVersion,
        partitions: Array.from({ length: topology.partitionsCount }, (_unused, index) => ({
          partitionId: index + 1,
          role: 'LEADER',
          health: topology.health,
        })),
      },
    ],
    clusterSize: topology.clusterSize,
    partitionsCount: topology.partitionsCount,
    replicationFactor: topology.replicationFactor,
    gatewayVersion: topology.gatewayVersion,
  };
});
