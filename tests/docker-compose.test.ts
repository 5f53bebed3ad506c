/**
 * Issue 13, Deliver 5: docker-compose.yml passes `docker compose config` for both profiles — the default (app and
 * MongoDB) and `camunda` (the app against a Camunda 8.8 orchestration cluster with Elasticsearch) — with every image
 * pinned. Compose validates without a Docker daemon; `.ci/run` installs Debian's `docker-compose`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface ComposeService {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string | null> | string[];
  depends_on?: Record<string, unknown> | string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

const works = (command: string, args: string[]): boolean =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/**
 * The resolved file as Compose reads it with `profile` active. Compose v2 (`docker compose`) prints JSON itself;
 * Debian bookworm's v1 (`docker-compose`) prints YAML only, read with the PyYAML it depends on.
 */
function composeConfig(profile?: string): ComposeFile {
  const profileArgs = profile ? ['--profile', profile] : [];
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, COMPOSE_PROFILES: '' },
    });
  if (works('docker', ['compose', 'version']))
    return JSON.parse(
      run('docker', ['compose', ...profileArgs, 'config', '--format', 'json']),
    ) as ComposeFile;
  if (works('docker-compose', ['version'])) {
    const yaml = run('docker-compose', [...profileArgs, 'config']);
    const json = execFileSync(
      'python3',
      ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'],
      { input: yaml, encoding: 'utf8' },
    );
    return JSON.parse(json) as ComposeFile;
  }
  throw new Error(
    'Docker Compose is not installed: `apt-get install docker-compose` (Debian) or the docker compose plugin. ' +
      '`docker compose config` needs no Docker daemon.',
  );
}

/** The services that run with `profile` active: those without profiles, and those of that profile. */
function activeServices(file: ComposeFile, profile?: string): string[] {
  return Object.entries(file.services)
    .filter(
      ([, service]) => !service.profiles || (profile !== undefined && service.profiles.includes(profile)),
    )
    .map(([name]) => name)
    .sort();
}

function environmentOf(service: ComposeService | undefined): Record<string, string> {
  const raw = service?.environment ?? {};
  if (Array.isArray(raw))
    return Object.fromEntries(
      raw.map((entry) => [entry.split('=')[0]!, entry.split('=').slice(1).join('=')]),
    );
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, value ?? '']));
}

describe('docker-compose.yml', () => {
  it('runs the app and MongoDB by default, the app on its embedded engine', () => {
    const file = composeConfig();
    expect(activeServices(file)).toEqual(['app', 'mongo']);
    const app = environmentOf(file.services.app);
    expect(app.MONGODB_URI).toBe('mongodb://mongo:27017/danvan');
    // Empty unless set: the app starts its embedded engine.
    expect(app.ZEEBE_GRPC_ADDRESS).toBe('');
  }, 60_000);

  it('runs, with --profile camunda, a Camunda 8.8 cluster on Elasticsearch and an app that uses it', () => {
    const file = composeConfig('camunda');
    expect(activeServices(file, 'camunda')).toEqual([
      'app',
      'app-camunda',
      'elasticsearch',
      'mongo',
      'orchestration',
    ]);
    const orchestration = file.services.orchestration!;
    expect(orchestration.image).toMatch(/^camunda\/camunda:8\.8\.\d+$/);
    const engine = environmentOf(orchestration);
    expect(engine.CAMUNDA_DATA_SECONDARYSTORAGE_TYPE).toBe('elasticsearch');
    expect(engine.CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL).toBe('http://elasticsearch:9200');

    const app = environmentOf(file.services['app-camunda']);
    expect(app.ZEEBE_GRPC_ADDRESS).toBe('grpc://orchestration:26500');
    expect(app.ZEEBE_REST_ADDRESS).toBe('http://orchestration:8080');
    expect(app.CAMUNDA_AUTH_STRATEGY).toBe('BASIC');
    expect(app.MONGODB_URI).not.toBe(environmentOf(file.services.app).MONGODB_URI);
    const waitsFor = file.services['app-camunda']!.depends_on;
    expect(Object.keys(waitsFor ?? {}).sort()).toEqual(['mongo', 'orchestration']);
  }, 60_000);

  it('pins every image to a version', () => {
    const file = composeConfig('camunda');
    const images = Object.values(file.services).flatMap((service) => (service.image ? [service.image] : []));
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const image of images) expect(image).toMatch(/:\d+\.\d+(\.\d+)?$/);
  }, 60_000);
});
