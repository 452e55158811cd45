import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** No Docker engine runs here, so docker-compose.yml is checked against the compose-spec schema. */
describe('docker-compose.yml', () => {
  it('passes dclint (compose-spec schema and best practices)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/dclint/bin/dclint.cjs'), 'docker-compose.yml'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect((run.stdout + run.stderr).trim()).toBe('');
    expect(run.status).toBe(0);
  });

  it('runs PostgreSQL, Redis, server and web, each with a health check, configured only by environment', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    for (const service of ['postgres', 'redis', 'server', 'web']) {
      const block = text.split(/\n {2}(?=[a-z]+:\n)/).find((b) => b.startsWith(`${service}:`));
      expect([service, block && /healthcheck:/.test(block)]).toEqual([service, true]);
    }
    expect(text).toMatch(/DATABASE_URL: postgres:\/\/nabz:nabz@postgres:5432\/nabz/);
    expect(text).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
    expect(text).toMatch(/GRAPHQL_URL: http:\/\/server:4000\/graphql/);
  });

  it("runs Mailpit with a health check and points the server's SMTP at it", () => {
    const text = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    const block = text.split(/\n {2}(?=[a-z]+:\n)/).find((b) => b.startsWith('mailpit:'));
    expect(block).toMatch(/image: axllent\/mailpit:/);
    expect(block).toMatch(/healthcheck:/);
    expect(block).toMatch(/127\.0\.0\.1:8025:8025/);
    expect(text).toMatch(/SMTP_URL: \$\{SMTP_URL:-smtp:\/\/mailpit:1025\}/);
  });

  it("runs MinIO with a health check, creates its bucket, and points the server's file storage at it", () => {
    const text = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    const block = text.split(/\n {2}(?=[a-z-]+:\n)/).find((b) => b.startsWith('minio:'));
    expect(block).toMatch(/image: minio\/minio:RELEASE\./);
    expect(block).toMatch(/healthcheck:/);
    expect(text).toMatch(/mc mb --ignore-existing nabz\/nabz-uploads/);
    expect(text).toMatch(/S3_ENDPOINT: http:\/\/minio:9000/);
    expect(text).toMatch(/S3_BUCKET: nabz-uploads/);
  });
});
