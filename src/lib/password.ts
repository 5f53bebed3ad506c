import argon2 from 'argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Argon2Cost {
  /** KiB of memory per hash. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2's defaults, in line with OWASP's guidance for argon2id (64 MiB, 3 passes). */
export const DEFAULT_ARGON2_COST: Argon2Cost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };

/**
 * argon2id hashing. Verification reads the cost from the stored hash, so lowering the cost (tests do, to stay fast on
 * two shared cores) only affects new hashes.
 */
export function createArgon2Hasher(cost: Argon2Cost = DEFAULT_ARGON2_COST): PasswordHasher {
  return {
    hash: (password) => argon2.hash(password, { type: argon2.argon2id, ...cost }),
    verify: async (hash, password) => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        // A malformed stored hash is a failed sign-in, not a crash of the request.
        return false;
      }
    },
  };
}

export const argon2Hasher: PasswordHasher = createArgon2Hasher();
