import path from 'node:path';
import {
  bad,
  boolean,
  hostPort,
  integer,
  ok,
  oneOf,
  trustProxy,
  urlWithSchemes,
  type Parsed,
} from './config.parsers.js';
import type { TrustProxy } from './config.parsers.js';

export type { TrustProxy } from './config.parsers.js';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type CookieSecure = 'auto' | 'always' | 'never';
/** What one process runs, so the app and the workers can be scaled apart (issue 13). */
export type ServiceRole = 'all' | 'app' | 'workers';

export interface Config {
  port: number;
  host: string;
  mongodbUri: string | undefined;
  dataDir: string;
  nodeEnv: NodeEnv;
  logLevel: LogLevel;
  sessionTtlMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  loginIpMaxAttempts: number;
  loginIpWindowMinutes: number;
  bodyLimit: string;
  trustProxy: TrustProxy;
  cookieSecure: CookieSecure;
  publicOrigin: string | undefined;
  seedDemo: boolean;
  deployAtStart: boolean;
  shutdownTimeoutMs: number;
  zeebeGrpcAddress: string | undefined;
  zeebeRestAddress: string | undefined;
  engineGrpcPort: number;
  engineRestPort: number;
  /** ENGINE_PROFILE: read by the engine itself (src/engine/profiles); validated here with the rest. */
  engineProfile: 'zeebe' | 'camunda-8.8';
  engineSearchLagMs: number;
  // The embedded engine's hardening (issue 11): its interface, credentials, accepted hosts and limits.
  engineHost: string;
  engineAuthUsername: string | undefined;
  engineAuthPassword: string | undefined;
  engineAuthToken: string | undefined;
  engineAllowedHosts: string[];
  engineMaxVariableDepth: number;
  engineMaxVariablesBytes: number;
  engineTimerFloorMs: number;
  smtpUrl: string | undefined;
  taskNoticeIntervalMs: number;
  serviceRole: ServiceRole;
  attachmentMaxBytes: number;
}

export type Env = Record<string, string | undefined>;

/** One environment variable: documented as data (the README table is checked against this list). */
export interface ConfigVariable {
  name: string;
  description: string;
  /** The default as a user would write it; undefined when the variable is optional and has no default. */
  default: string | undefined;
}

interface Definition<K extends keyof Config> extends ConfigVariable {
  key: K;
  parse: (raw: string) => Parsed<NonNullable<Config[K]>>;
  /** Default computed from the variables already read (e.g. SEED_DEMO depends on NODE_ENV). */
  fallback: (partial: Partial<Config>) => Config[K];
}

function def<K extends keyof Config>(
  name: string,
  key: K,
  description: string,
  defaultText: string | undefined,
  parse: (raw: string) => Parsed<NonNullable<Config[K]>>,
  fallback: (partial: Partial<Config>) => Config[K],
): Definition<K> {
  return { name, key, description, default: defaultText, parse, fallback };
}

const definitions = [
  def(
    'NODE_ENV',
    'nodeEnv',
    'development, production or test',
    'development',
    oneOf(['development', 'production', 'test'] as const),
    () => 'development',
  ),
  def(
    'PORT',
    'port',
    'HTTP port of the app server (0 picks a free one)',
    '3000',
    integer(0, 65535),
    () => 3000,
  ),
  def(
    'HOST',
    'host',
    'Address the HTTP server listens on (0.0.0.0 in containers)',
    '127.0.0.1',
    (raw) => (raw.trim() ? ok(raw.trim()) : bad('không được để trống')),
    () => '127.0.0.1',
  ),
  def(
    'MONGODB_URI',
    'mongodbUri',
    'MongoDB connection string with database name; when unset a local MongoDB-compatible server is started with data in DATA_DIR/mongo',
    undefined,
    urlWithSchemes(['mongodb', 'mongodb+srv']),
    () => undefined,
  ),
  def(
    'DATA_DIR',
    'dataDir',
    'Folder for local data (the local database lives in DATA_DIR/mongo)',
    './data',
    (raw) => (raw.trim() ? ok(path.resolve(raw)) : bad('không được để trống')),
    () => path.resolve('./data'),
  ),
  def(
    'LOG_LEVEL',
    'logLevel',
    'fatal, error, warn, info, debug, trace or silent',
    'info',
    oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    () => 'info',
  ),
  def(
    'SESSION_TTL_MINUTES',
    'sessionTtlMinutes',
    'A session ends after this many minutes without activity',
    '60',
    integer(1, 7 * 24 * 60),
    () => 60,
  ),
  def(
    'SESSION_ABSOLUTE_HOURS',
    'sessionAbsoluteHours',
    'A session ends this many hours after sign-in, whatever the activity',
    '12',
    integer(1, 24 * 90),
    () => 12,
  ),
  def(
    'LOGIN_MAX_FAILURES',
    'loginMaxFailures',
    'Failed sign-ins in a row that lock an account',
    '5',
    integer(1, 100),
    () => 5,
  ),
  def(
    'LOGIN_LOCKOUT_MINUTES',
    'loginLockoutMinutes',
    'How long a locked account stays locked',
    '15',
    integer(1, 24 * 60),
    () => 15,
  ),
  def(
    'LOGIN_IP_MAX_ATTEMPTS',
    'loginIpMaxAttempts',
    'Failed sign-ins allowed from one IP address per window',
    '30',
    integer(1, 100_000),
    () => 30,
  ),
  def(
    'LOGIN_IP_WINDOW_MINUTES',
    'loginIpWindowMinutes',
    'Window of the per-IP sign-in rate limit',
    '15',
    integer(1, 24 * 60),
    () => 15,
  ),
  def(
    'BODY_LIMIT',
    'bodyLimit',
    'Largest accepted JSON body (e.g. 100kb, 1mb); larger bodies get 413',
    '1mb',
    (raw) => (/^\d+(b|kb|mb)$/i.test(raw) ? ok(raw.toLowerCase()) : bad('phải có dạng 100kb hoặc 1mb')),
    () => '1mb',
  ),
  def(
    'TRUST_PROXY',
    'trustProxy',
    "express 'trust proxy': false, true, a hop count or a list of addresses",
    'false',
    trustProxy,
    () => false,
  ),
  def(
    'COOKIE_SECURE',
    'cookieSecure',
    'Secure flag of the session cookie: auto (when the request came over TLS), always or never',
    'auto',
    oneOf(['auto', 'always', 'never'] as const),
    () => 'auto',
  ),
  def(
    'PUBLIC_ORIGIN',
    'publicOrigin',
    'Origin browsers use to reach the service (e.g. https://danvan.example.vn); sign-in accepts it besides the request host',
    undefined,
    urlWithSchemes(['http', 'https']),
    () => undefined,
  ),
  def(
    'SEED_DEMO',
    'seedDemo',
    'Seed the organisation and demo accounts at start when the database is empty',
    'true (false in production)',
    boolean,
    (partial) => partial.nodeEnv !== 'production',
  ),
  def(
    'DEPLOY_AT_START',
    'deployAtStart',
    'Deploy processes/ and forms/ at start (an unchanged file keeps its version); false where deployments are made otherwise, e.g. on a secured Camunda cluster whose client lacks RESOURCE:CREATE',
    'true',
    boolean,
    () => true,
  ),
  def(
    'SHUTDOWN_TIMEOUT_MS',
    'shutdownTimeoutMs',
    'How long shutdown waits for in-flight requests',
    '10000',
    integer(0, 600_000),
    () => 10_000,
  ),
  def(
    'TASK_NOTICE_INTERVAL_MS',
    'taskNoticeIntervalMs',
    'How often open tasks are polled to notify their groups of new and nearly due tasks',
    '30000',
    integer(1_000, 3_600_000),
    () => 30_000,
  ),
  def(
    'ZEEBE_GRPC_ADDRESS',
    'zeebeGrpcAddress',
    'Engine gRPC gateway: host:port or grpc://host:port, grpcs://host:port for TLS; unset uses the embedded engine',
    undefined,
    hostPort,
    () => undefined,
  ),
  def(
    'ZEEBE_REST_ADDRESS',
    'zeebeRestAddress',
    'Engine REST v2 address (http://host:port)',
    undefined,
    urlWithSchemes(['http', 'https']),
    () => undefined,
  ),
  def(
    'ENGINE_GRPC_PORT',
    'engineGrpcPort',
    "Port of the embedded engine's Zeebe gRPC gateway, bound to 127.0.0.1 (0 picks a free port); unused when ZEEBE_GRPC_ADDRESS is set",
    '26500',
    integer(0, 65_535),
    () => 26_500,
  ),
  def(
    'ENGINE_PROFILE',
    'engineProfile',
    "How the embedded engine's REST v2 reads behave: zeebe (at once) or camunda-8.8 (as a Camunda 8.8 cluster: searches lag, long values cut, transient task states, capped totals), to prove the app against Camunda's behaviour",
    'zeebe',
    oneOf(['zeebe', 'camunda-8.8'] as const),
    () => 'zeebe' as const,
  ),
  def(
    'ENGINE_SEARCH_LAG_MS',
    'engineSearchLagMs',
    'With ENGINE_PROFILE=camunda-8.8: how far the engine’s searches lag behind its commands (ms)',
    '2000',
    integer(0, 60_000),
    () => 2_000,
  ),
  def(
    'ENGINE_REST_PORT',
    'engineRestPort',
    "Port of the embedded engine's Camunda REST v2 API, bound to 127.0.0.1 (0 picks a free port)",
    '8080',
    integer(0, 65_535),
    () => 8_080,
  ),
  def(
    'ENGINE_HOST',
    'engineHost',
    "Interface the embedded engine's gRPC and REST ports listen on; beyond the loopback interface ENGINE_AUTH_USERNAME/PASSWORD or ENGINE_AUTH_TOKEN are required",
    '127.0.0.1',
    (raw) => (raw.trim() ? ok(raw.trim()) : bad('không được để trống')),
    () => '127.0.0.1',
  ),
  def(
    'ENGINE_AUTH_USERNAME',
    'engineAuthUsername',
    "Basic authentication of the embedded engine's ports (with ENGINE_AUTH_PASSWORD); the app passes it to its clients as CAMUNDA_AUTH_STRATEGY=BASIC",
    undefined,
    (raw) => ok(raw),
    () => undefined,
  ),
  def(
    'ENGINE_AUTH_PASSWORD',
    'engineAuthPassword',
    'Password of ENGINE_AUTH_USERNAME',
    undefined,
    (raw) => ok(raw),
    () => undefined,
  ),
  def(
    'ENGINE_AUTH_TOKEN',
    'engineAuthToken',
    "Bearer token the embedded engine's ports accept (clients: CAMUNDA_AUTH_STRATEGY=BEARER, CAMUNDA_OAUTH_TOKEN)",
    undefined,
    (raw) => (raw.length >= 16 ? ok(raw) : bad('cần ít nhất 16 ký tự')),
    () => undefined,
  ),
  def(
    'ENGINE_ALLOWED_HOSTS',
    'engineAllowedHosts',
    "Comma-separated host names the engine's REST port accepts in the Host header besides localhost, 127.0.0.1, ::1 and ENGINE_HOST (others get 403)",
    undefined,
    (raw) =>
      ok(
        raw
          .split(',')
          .map((host) => host.trim())
          .filter((host) => host !== ''),
      ),
    () => [],
  ),
  def(
    'ENGINE_MAX_VARIABLE_DEPTH',
    'engineMaxVariableDepth',
    'Deepest nesting of objects and arrays in a variable document sent to the engine (deeper: INVALID_ARGUMENT / 400)',
    '64',
    integer(2, 1_000),
    () => 64,
  ),
  def(
    'ENGINE_MAX_VARIABLES_BYTES',
    'engineMaxVariablesBytes',
    "Largest variable document sent to the engine, in bytes of JSON (larger: INVALID_ARGUMENT / 400); Zeebe's message limit is 4 MB",
    '4194304',
    integer(1_024, 4 * 1024 * 1024),
    () => 4 * 1024 * 1024,
  ),
  def(
    'ENGINE_TIMER_FLOOR_MS',
    'engineTimerFloorMs',
    'Shortest timer duration or cycle the engine accepts: shorter static ones are refused at deploy naming the element, FEEL ones raise an incident',
    '1000',
    integer(1, 86_400_000),
    () => 1_000,
  ),
  def(
    'SMTP_URL',
    'smtpUrl',
    'Mail server for notifications (smtp:// or smtps://); unset disables e-mail',
    undefined,
    urlWithSchemes(['smtp', 'smtps']),
    () => undefined,
  ),
  def(
    'SERVICE_ROLE',
    'serviceRole',
    'What this process runs: all, app (the HTTP app alone) or workers (job workers, task notices, deploy-at-start; no HTTP); app and workers need ZEEBE_GRPC_ADDRESS and ZEEBE_REST_ADDRESS',
    'all',
    oneOf(['all', 'app', 'workers'] as const),
    () => 'all' as const,
  ),
  def(
    'ATTACHMENT_MAX_BYTES',
    'attachmentMaxBytes',
    'Largest file attached to a form (a file picker field), in bytes; larger uploads get 413',
    '10485760',
    integer(1_024, 100 * 1024 * 1024),
    () => 10 * 1024 * 1024,
  ),
];

/** Every variable the service reads, with description and default, in documentation order. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = definitions.map(
  ({ name, description, default: d }) => ({
    name,
    description,
    default: d,
  }),
);

export class ConfigError extends Error {
  readonly problems: { variable: string; value: string; reason: string }[];

  constructor(problems: { variable: string; value: string; reason: string }[]) {
    super(
      `Cấu hình không hợp lệ:\n${problems.map((p) => `  ${p.variable}=${JSON.stringify(p.value)}: ${p.reason}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads and validates the configuration; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const partial: Partial<Config> = {};
  const problems: ConstructorParameters<typeof ConfigError>[0] = [];
  const assign = partial as Record<keyof Config, unknown>;
  for (const definition of definitions) {
    const raw = env[definition.name];
    if (raw === undefined || raw === '') {
      assign[definition.key] = definition.fallback(partial);
      continue;
    }
    const parsed = definition.parse(raw);
    if (parsed.ok) assign[definition.key] = parsed.value;
    else problems.push({ variable: definition.name, value: raw, reason: parsed.reason });
  }
  // A remote engine is reached over both protocols; half a configuration would silently mix two engines.
  if (Boolean(partial.zeebeGrpcAddress) !== Boolean(partial.zeebeRestAddress)) {
    const [variable, value] = partial.zeebeGrpcAddress
      ? ['ZEEBE_REST_ADDRESS', '']
      : ['ZEEBE_GRPC_ADDRESS', ''];
    problems.push({
      variable,
      value,
      reason: 'cần đặt cả ZEEBE_GRPC_ADDRESS và ZEEBE_REST_ADDRESS, hoặc không đặt cả hai',
    });
  }
  // Half a Basic pair would leave the engine open while its operator believes it closed.
  if (Boolean(partial.engineAuthUsername) !== Boolean(partial.engineAuthPassword)) {
    problems.push({
      variable: partial.engineAuthUsername ? 'ENGINE_AUTH_PASSWORD' : 'ENGINE_AUTH_USERNAME',
      value: '',
      reason: 'cần đặt cả ENGINE_AUTH_USERNAME và ENGINE_AUTH_PASSWORD, hoặc không đặt cả hai',
    });
  }
  // A part run alone shares its engine with the other parts: an embedded one would be an engine of its own.
  if (partial.serviceRole && partial.serviceRole !== 'all' && !partial.zeebeGrpcAddress)
    problems.push({
      variable: 'SERVICE_ROLE',
      value: partial.serviceRole,
      reason: 'chạy riêng phần app hoặc workers cần ZEEBE_GRPC_ADDRESS và ZEEBE_REST_ADDRESS',
    });
  if (problems.length > 0) throw new ConfigError(problems);
  return partial as Config;
}
