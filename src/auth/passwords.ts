import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (OWASP's 19 MiB, 2 passes). */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throw-away hash so an unknown username costs as much time as a wrong password. */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hash('chainlend-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
