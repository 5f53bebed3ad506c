import { Type } from '@sinclair/typebox';
import { noContent, route, type RestRoute } from '../rest-route.js';

/** Camunda 8.8's controlled clock: pin the engine's time, and reset it to real time. */
export const clockRoutes: RestRoute[] = [
  route({
    method: 'put',
    path: '/clock',
    body: Type.Object(
      { timestamp: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^[0-9]{1,16}$' })]) },
      { additionalProperties: false },
    ),
    handle: async ({ body, engine }) => {
      await engine.pinClock(Number(body.timestamp));
      return noContent;
    },
  }),
  route({
    method: 'post',
    path: '/clock/reset',
    handle: async ({ engine }) => {
      await engine.resetClock();
      return noContent;
    },
  }),
];
