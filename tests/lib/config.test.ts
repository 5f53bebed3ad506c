import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/lib/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      mongodbUri: undefined,
      dataDir: path.resolve('./data'),
      nodeEnv: 'development',
      logLevel: 'info',
      sessionTtlMinutes: 60,
      sessionAbsoluteHours: 12,
      loginMaxFailures: 5,
      loginLockoutMinutes: 15,
      bodyLimit: '1mb',
      trustProxy: false,
      cookieSecure: 'auto',
      seedDemo: true,
    });
  });

  it('reads valid values', () => {
    const config = loadConfig({
      PORT: '8080',
      MONGODB_URI: 'mongodb://db:27017/danvan',
      TRUST_PROXY: '1',
      SEED_DEMO: 'false',
      BODY_LIMIT: '512KB',
      ZEEBE_GRPC_ADDRESS: 'localhost:26500',
      ZEEBE_REST_ADDRESS: 'http://localhost:8080',
      SMTP_URL: 'smtp://mail:25',
    });
    expect(config).toMatchObject({
      port: 8080,
      mongodbUri: 'mongodb://db:27017/danvan',
      trustProxy: 1,
      seedDemo: false,
      bodyLimit: '512kb',
      zeebeGrpcAddress: 'localhost:26500',
    });
  });

  it('does not seed demo accounts in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('names every bad value at once', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'ba nghìn',
        MONGODB_URI: 'postgres://x',
        LOG_LEVEL: 'loud',
        SESSION_TTL_MINUTES: '0',
        BODY_LIMIT: 'lots',
        COOKIE_SECURE: 'maybe',
        SEED_DEMO: 'perhaps',
        ZEEBE_GRPC_ADDRESS: 'no port',
        SMTP_URL: 'http://mail',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems.map((p) => p.variable)).toEqual([
      'PORT',
      'MONGODB_URI',
      'LOG_LEVEL',
      'SESSION_TTL_MINUTES',
      'BODY_LIMIT',
      'COOKIE_SECURE',
      'SEED_DEMO',
      'ZEEBE_GRPC_ADDRESS',
      'SMTP_URL',
    ]);
    expect(error.message).toContain('PORT="ba nghìn": phải là số nguyên từ 0 đến 65535');
    expect(error.message).toContain('LOG_LEVEL="loud"');
  });

  it('refuses half a remote-engine configuration', () => {
    expect(() => loadConfig({ ZEEBE_GRPC_ADDRESS: 'camunda:26500' })).toThrow(/ZEEBE_REST_ADDRESS/);
    expect(() => loadConfig({ ZEEBE_REST_ADDRESS: 'http://camunda:8080' })).toThrow(/ZEEBE_GRPC_ADDRESS/);
    expect(loadConfig({}).engineGrpcPort).toBe(26500);
    expect(loadConfig({}).engineRestPort).toBe(8080);
  });

  it('documents every variable as data', () => {
    const names = CONFIG_VARIABLES.map((v) => v.name);
    for (const name of [
      'PORT',
      'HOST',
      'MONGODB_URI',
      'DATA_DIR',
      'NODE_ENV',
      'LOG_LEVEL',
      'SESSION_TTL_MINUTES',
      'SESSION_ABSOLUTE_HOURS',
      'LOGIN_MAX_FAILURES',
      'LOGIN_LOCKOUT_MINUTES',
      'BODY_LIMIT',
      'TRUST_PROXY',
      'COOKIE_SECURE',
      'SEED_DEMO',
      'ZEEBE_GRPC_ADDRESS',
      'ZEEBE_REST_ADDRESS',
      'SMTP_URL',
    ])
      expect(names).toContain(name);
    expect(new Set(names).size).toBe(names.length);
    for (const variable of CONFIG_VARIABLES) expect(variable.description.length).toBeGreaterThan(10);
    expect(CONFIG_VARIABLES.find((v) => v.name === 'PORT')?.default).toBe('3000');
  });
});
