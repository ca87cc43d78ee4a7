import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes). */
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password, options);
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
	decoyHash ??= hashPassword('tavoli-decoy-password');
	return decoyHash;
}
