import { describe, expect, it } from 'vitest';
import { argon2Hasher, createArgon2Hasher } from '../../src/lib/password.js';

describe('password hashing', () => {
  it('uses argon2id at full cost by default, salted, and verifies', async () => {
    const hash = await argon2Hasher.hash('Mat-khau-dai-1');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await argon2Hasher.hash('Mat-khau-dai-1')).not.toBe(hash);
    expect(await argon2Hasher.verify(hash, 'Mat-khau-dai-1')).toBe(true);
    expect(await argon2Hasher.verify(hash, 'mat-khau-dai-1')).toBe(false);
  });

  it('verifies a hash made at another cost, and treats a malformed hash as a mismatch', async () => {
    const light = createArgon2Hasher({ memoryCost: 4_096, timeCost: 2, parallelism: 1 });
    const hash = await light.hash('abc12345');
    expect(await argon2Hasher.verify(hash, 'abc12345')).toBe(true);
    expect(await argon2Hasher.verify('not-a-hash', 'abc12345')).toBe(false);
  });
});
