import {
  Metadata,
  Server,
  ServerCredentials,
  status,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { EngineApi } from '../../engine-api.js';
import { silentLogger, type GatewayLogger } from '../gateway-logger.js';
import { activateJobsHandler } from './activate-jobs.handler.js';
import type { GrpcContext } from './grpc-handler.js';
import { unaryRoutes } from './grpc-routes.js';
import { toServiceError } from './grpc-status.js';
import { streamActivatedJobsHandler } from './stream-activated-jobs.handler.js';
import { loadGatewayService } from './zeebe-proto.js';
import { authorizationAccepted, type GatewayAuth } from '../gateway-auth.js';
import { checkRequestVariables, defaultVariableLimits, type VariableLimits } from '../variable-limits.js';

/** Zeebe's limit; grpc-js refuses larger requests with RESOURCE_EXHAUSTED before they reach a handler. */
export const maxMessageBytes = 4 * 1024 * 1024;

export interface GrpcGatewayOptions {
  engine: EngineApi;
  /** 127.0.0.1 by default: the gateway has no authentication of its own. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  logger?: GatewayLogger;
  /** Checked on every request's variable documents before its handler runs. */
  variableLimits?: VariableLimits;
  /** Credentials every call must carry in its `authorization` metadata; none by default. */
  auth?: GatewayAuth;
}

export interface GrpcGateway {
  /** host:port, as ZEEBE_GRPC_ADDRESS wants it (prefix grpc://). */
  address: string;
  port: number;
  close(): Promise<void>;
}

type StreamHandler = (call: ServerWritableStream<unknown, object>, context: GrpcContext) => Promise<void>;

const streamingRoutes: Readonly<Record<string, StreamHandler>> = {
  ActivateJobs: activateJobsHandler,
  StreamActivatedJobs: streamActivatedJobsHandler,
};

/**
 * The SDK gzips every request by default; on a loopback socket that only burns CPU (a sixth of the gateway's time
 * under load). Advertising identity-only makes grpc-js clients switch to uncompressed messages after their first
 * response on a channel; a client that compresses anyway is still understood.
 */
function identityEncodingOnly(): Metadata {
  const metadata = new Metadata();
  metadata.set('grpc-accept-encoding', 'identity');
  return metadata;
}

const unauthenticated = {
  code: status.UNAUTHENTICATED,
  details: 'Missing or invalid credentials in the authorization metadata',
};

function authorized(metadata: Metadata, auth: GatewayAuth | undefined): boolean {
  const [header] = metadata.get('authorization');
  return authorizationAccepted(typeof header === 'string' ? header : header?.toString('utf8'), auth);
}

function implement(
  context: () => GrpcContext,
  methods: string[],
  limits: VariableLimits,
  auth: GatewayAuth | undefined,
): UntypedServiceImplementation {
  const implementation: UntypedServiceImplementation = {};
  for (const method of methods) {
    const unaryHandler = unaryRoutes[method];
    const streamHandler = streamingRoutes[method];
    if (unaryHandler) {
      implementation[method] = (call: ServerUnaryCall<unknown, object>, callback: sendUnaryData<object>) => {
        call.sendMetadata(identityEncodingOnly());
        if (!authorized(call.metadata, auth)) return callback(unauthenticated);
        Promise.resolve()
          .then(() => checkRequestVariables(call.request, limits))
          .then(() => unaryHandler(call.request, context()))
          .then(
            (response) => callback(null, response),
            (error: unknown) => callback(toServiceError(error, method, context().logger)),
          );
      };
    } else if (streamHandler) {
      implementation[method] = (call: ServerWritableStream<unknown, object>) => {
        call.sendMetadata(identityEncodingOnly());
        if (!authorized(call.metadata, auth)) {
          call.emit('error', { ...unauthenticated, metadata: new Metadata() });
          return;
        }
        streamHandler(call, context()).catch((error: unknown) => {
          // grpc-js turns an 'error' event on a server stream into the call's final status.
          call.emit('error', toServiceError(error, method, context().logger));
        });
      };
    } else {
      implementation[method] = (_call: unknown, callback: sendUnaryData<object>) =>
        callback({
          code: status.UNIMPLEMENTED,
          details: `${method} is not supported by the embedded engine`,
        });
    }
  }
  return implementation;
}

export async function startGrpcGateway(options: GrpcGatewayOptions): Promise<GrpcGateway> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentLogger;
  const service = loadGatewayService();
  const server = new Server({
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
    // Workers ping while long-polling; allow it rather than answering with GOAWAY.
    'grpc.http2.min_ping_interval_without_data_ms': 5_000,
    'grpc.keepalive_permit_without_calls': 1,
  });
  let advertised = { host, port: options.port ?? 0 };
  const context = (): GrpcContext => ({ engine: options.engine, logger, advertised });
  const limits = options.variableLimits ?? defaultVariableLimits;
  server.addService(service, implement(context, Object.keys(service), limits, options.auth));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port ?? 0}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  advertised = { host, port };
  logger.info(`gRPC gateway listening on ${host}:${port}`);
  return {
    address: `${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        // Long polls would hold a graceful shutdown for their whole requestTimeout; end them after a grace period.
        const force = setTimeout(() => server.forceShutdown(), 500);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
