import { Type } from '@sinclair/typebox';
import { ok, route, type RestRoute } from '../rest-route.js';

const strict = { additionalProperties: false } as const;
const variables = Type.Record(Type.String(), Type.Unknown());

const publicationBody = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    correlationKey: Type.Optional(Type.String()),
    timeToLive: Type.Optional(Type.Integer({ minimum: 0 })),
    messageId: Type.Optional(Type.String()),
    variables: Type.Optional(variables),
    tenantId: Type.Optional(Type.String()),
  },
  strict,
);

const correlationBody = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    correlationKey: Type.Optional(Type.String()),
    variables: Type.Optional(variables),
    tenantId: Type.Optional(Type.String()),
  },
  strict,
);

const signalBody = Type.Object(
  {
    signalName: Type.String({ minLength: 1 }),
    variables: Type.Optional(variables),
    tenantId: Type.Optional(Type.String()),
  },
  strict,
);

export const messageRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/messages/publication',
    body: publicationBody,
    handle: async ({ body, engine }) => {
      const published = await engine.publishMessage({
        name: body.name,
        correlationKey: body.correlationKey ?? '',
        timeToLiveMs: body.timeToLive ?? 0,
        messageId: body.messageId || undefined,
        variables: body.variables,
        tenantId: body.tenantId,
      });
      return ok({ messageKey: published.key, tenantId: published.tenantId });
    },
  }),
  route({
    method: 'post',
    path: '/messages/correlation',
    body: correlationBody,
    handle: async ({ body, engine }) => {
      const correlated = await engine.correlateMessage({
        name: body.name,
        correlationKey: body.correlationKey ?? '',
        variables: body.variables,
        tenantId: body.tenantId,
      });
      return ok(correlated);
    },
  }),
  route({
    method: 'post',
    path: '/signals/broadcast',
    body: signalBody,
    handle: async ({ body, engine }) => {
      const broadcast = await engine.broadcastSignal(body);
      return ok({ signalKey: broadcast.key, tenantId: broadcast.tenantId });
    },
  }),
];
