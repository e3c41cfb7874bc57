import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * The supervision files in deploy/ as an operator would use them: what the README's production
 * section names exists, every role is supervised and restarts, things start in order. (No Docker
 * daemon or systemd here: `systemd-analyze verify` and `docker compose config` are run by hand.)
 */
const root = new URL('../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const production = read('README.md').split('\n## Production\n')[1].split('\n## ')[0];

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
};
const compose = parse(read('deploy/compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

const sharedDropIn = 'simpul-.service.d/10-simpul.conf';
/**
 * A unit as systemd sees it, section → key → values: the shared drop-in (which systemd applies to
 * every `simpul-…` service) and then the unit's own file. List settings (After=, Wants=) add up.
 */
function unit(name: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  const files = name.endsWith('.service') ? [sharedDropIn, name] : [name];
  for (const file of files) {
    let section = '';
    for (const line of read(`deploy/systemd/${file}`).split('\n')) {
      const header = /^\[(\w+)\]$/.exec(line);
      if (header) sections[(section = header[1])] ??= {};
      const setting = /^(\w+)=(.*)$/.exec(line);
      if (setting) (sections[section][setting[1]] ??= []).push(...(setting[2] === '' ? [''] : setting[2].split(' ')));
    }
  }
  return sections;
}

describe('docker compose', () => {
  it('should define every service the README names, with images built from deploy/Dockerfile targets', () => {
    const named = /Services: (.*)\./.exec(production)![1].match(/`([a-z-]+)`/g)!.map((s) => s.slice(1, -1));
    expect(named.sort()).toEqual(Object.keys(services).sort());
    for (const name of ['postgres', 'redis', 'freeradius', 'migrate', 'api', 'workers', 'scheduler']) expect(services).toHaveProperty(name);
    const targets = [...read('deploy/Dockerfile').matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    for (const [name, service] of Object.entries(services).filter(([, s]) => s.build)) {
      expect(service.build, name).toMatchObject({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect(targets, name).toContain(service.build!.target);
    }
  });

  it('should give each role its APP_ROLES, the server-shape connections, and restart', () => {
    for (const role of ['api', 'workers', 'scheduler']) {
      expect(services[role].environment).toMatchObject({ APP_ROLES: role, EVENT_TRANSPORT: 'redis-streams', REDIS_URL: 'redis://redis:6379' });
      expect(services[role].environment!.DATABASE_URL).toMatch(/^postgres:\/\/simpul:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/simpul$/);
      expect(services[role].restart).toBe('unless-stopped');
    }
    expect(services.migrate).toMatchObject({ command: ['node', 'src/main.ts', 'migrate'], restart: 'no' });
  });

  it('should start in order: databases healthy, migrations done, the API ready, then workers and scheduler', () => {
    for (const name of ['postgres', 'redis']) expect(services[name].healthcheck?.test.join(' ')).toMatch(/pg_isready|redis-cli ping/);
    expect(services.api.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:3000/ready');
    expect(services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    const ready = { postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } };
    expect(services.api.depends_on).toEqual(ready);
    for (const name of ['workers', 'scheduler']) expect(services[name].depends_on).toEqual({ ...ready, api: { condition: 'service_healthy' } });
    expect(services.freeradius.depends_on).toEqual({ postgres: ready.postgres, migrate: ready.migrate });
  });

  it('should substitute only variables the compose env example documents', () => {
    const documented = new Set([...read('deploy/compose.env.example').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    const used = new Set([...read('deploy/compose.yaml').matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]));
    expect([...used].filter((v) => !documented.has(v))).toEqual([]);
  });
});

describe('systemd units', () => {
  const files = readdirSync(join(root, 'deploy/systemd'));
  const roles = { 'simpul-api.service': 'api', 'simpul-workers@.service': 'workers', 'simpul-scheduler.service': 'scheduler' };

  it('should ship every unit the README names', () => {
    const named = [...production.matchAll(/`(simpul[\w@-]*\.(?:service|target))`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(files).toContain(name);
    expect(files.sort()).toEqual([...Object.keys(roles), 'simpul-.service.d', 'simpul.target'].sort());
  });

  it.each(Object.entries(roles))('%s should run its role from the environment file, restart on failure, start after the databases, hardened', (file, role) => {
    const { Unit, Service, Install } = unit(file);
    expect(Service.EnvironmentFile).toEqual(['/etc/simpul/simpul.env']);
    expect(Service.ExecStart.join(' ')).toBe(`/usr/bin/env APP_ROLES=${role} /usr/bin/node src/main.ts start`);
    expect(Service.Restart).toEqual(['on-failure']);
    for (const dependency of ['postgresql.service', 'redis-server.service']) {
      expect(Unit.After).toContain(dependency);
      expect(Unit.Wants).toContain(dependency);
    }
    for (const [key, value] of Object.entries({ NoNewPrivileges: 'yes', ProtectSystem: 'strict', ProtectHome: 'yes', PrivateTmp: 'yes', CapabilityBoundingSet: '' })) {
      expect(Service[key], key).toEqual([value]);
    }
    expect(Service.User).toEqual(['simpul']);
    expect(read(`deploy/systemd/${sharedDropIn}`)).not.toMatch(/^(Environment=|ExecStart)/m); // the role is each unit's
    expect(Install.WantedBy).toEqual(['simpul.target']);
    expect(Unit.PartOf).toEqual(['simpul.target']);
  });

  it('should migrate before the API starts, and start workers and scheduler after it', () => {
    expect(unit('simpul-api.service').Service.ExecStartPre.join(' ')).toBe('/usr/bin/node src/main.ts migrate');
    for (const file of ['simpul-workers@.service', 'simpul-scheduler.service']) expect(unit(file).Unit.After).toContain('simpul-api.service');
    expect(unit('simpul.target').Unit.Wants.sort()).toEqual(['simpul-api.service', 'simpul-scheduler.service', 'simpul-workers@1.service', 'simpul-workers@2.service']);
  });

  it('should read only variables the README documents, and never set a role in the shared file', () => {
    const table = read('README.md').split('\n## Configuration\n')[1].split('\n## ')[0];
    const documented = new Set([...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
    const keys = [...read('deploy/simpul.env.example').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(keys).toContain('DATABASE_URL');
    expect(keys).toContain('SECRET_KEY');
    expect(keys.filter((k) => !documented.has(k))).toEqual([]);
    expect(keys).not.toContain('APP_ROLES');
  });

  it('should leave generated FreeRADIUS files (secrets) and the compose .env out of git', () => {
    const ignored = read('.gitignore').split('\n');
    expect(ignored).toContain('deploy/freeradius/');
    expect(ignored).toContain('.env');
    expect(existsSync(join(root, 'deploy/Dockerfile.dockerignore'))).toBe(true);
  });
});
