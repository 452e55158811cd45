import { auditSnapshot, withoutSecrets } from './audit-log.redact';

describe('audit snapshots as the API shows them', () => {
  it('drops secret-named keys at any depth and keeps everything else', () => {
    const stored = {
      id: 'u1',
      email: 'a@b.example',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$abc',
      session: { tokenHash: '\\x00ff', expiresAt: '2026-01-01T00:00:00Z' },
      keys: [{ keyHash: 'x', prefix: 'nabz_abc' }],
      secret: 's',
      webhookSecret: 's',
      token: 't',
      endedSessionCount: 2,
    };
    expect(withoutSecrets(stored)).toEqual({
      id: 'u1',
      email: 'a@b.example',
      session: { expiresAt: '2026-01-01T00:00:00Z' },
      keys: [{ prefix: 'nabz_abc' }],
      endedSessionCount: 2,
    });
  });

  it('gives objects as they are, null as null, and wraps a bare stored value', () => {
    expect(auditSnapshot(null)).toBeNull();
    expect(auditSnapshot(undefined)).toBeNull();
    expect(auditSnapshot({ pinned: true })).toEqual({ pinned: true });
    expect(auditSnapshot([1, 2])).toEqual({ value: [1, 2] });
    expect(auditSnapshot('x')).toEqual({ value: 'x' });
  });
});
