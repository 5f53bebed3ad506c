/**
 * The embedded engine's settings as the configuration gives them, in the shape its entry takes; shared by the
 * composition root (`npm start`) and `npm run engine`. Types are written out here because lib imports nothing of
 * the engine; the engine's options accept this shape structurally.
 */
import type { Config } from './config.js';

export interface EngineGatewaySettings {
  host: string;
  auth?: { basic?: { username: string; password: string }; bearerToken?: string };
  allowedHosts: string[];
  variableLimits: { maxDepth: number; maxBytes: number };
  timerFloorMs: number;
}

export function engineGatewaySettings(config: Config): EngineGatewaySettings {
  const basic =
    config.engineAuthUsername && config.engineAuthPassword
      ? { username: config.engineAuthUsername, password: config.engineAuthPassword }
      : undefined;
  const auth =
    basic || config.engineAuthToken
      ? {
          ...(basic ? { basic } : {}),
          ...(config.engineAuthToken ? { bearerToken: config.engineAuthToken } : {}),
        }
      : undefined;
  return {
    host: config.engineHost,
    ...(auth ? { auth } : {}),
    allowedHosts: config.engineAllowedHosts,
    variableLimits: { maxDepth: config.engineMaxVariableDepth, maxBytes: config.engineMaxVariablesBytes },
    timerFloorMs: config.engineTimerFloorMs,
  };
}

/**
 * The SDK's own configuration variables for these credentials, so the app's clients authenticate the way they
 * would against Camunda 8.8. Basic only: SDK 8.8's REST client translates NONE, OAUTH and BASIC, not BEARER, so
 * an engine with only a token cannot be reached by the app (the token is for other clients, e.g. zbctl or curl).
 */
export function sdkAuthVariables(settings: EngineGatewaySettings): Record<string, string> {
  const { auth } = settings;
  if (auth?.basic)
    return {
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: auth.basic.username,
      CAMUNDA_BASIC_AUTH_PASSWORD: auth.basic.password,
    };
  if (auth?.bearerToken)
    throw new Error(
      'The app reaches its embedded engine with Basic credentials only (the SDK 8.8 REST client has no bearer strategy): set ENGINE_AUTH_USERNAME and ENGINE_AUTH_PASSWORD besides ENGINE_AUTH_TOKEN',
    );
  return {};
}
