import { describe, expect, it } from 'vitest';
import {
  createSuccessorLock,
  findMatchingHash,
  hashToken,
  openSuccessor,
  sealSuccessor,
} from '../../src/jobs/token-crypto';

describe('token hashing', () => {
  it('hashes a token to its SHA-256 hex digest', async () => {
    expect(await hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('finds the stored hash that matches a presented token and none for another token', async () => {
    const hashes = [await hashToken('one'), await hashToken('two')];
    expect(await findMatchingHash('two', hashes)).toBe(hashes[1]);
    expect(await findMatchingHash('three', hashes)).toBeUndefined();
  });
});

describe('successor sealing', () => {
  it('lets the holder of the old token open its successor', async () => {
    const old = crypto.randomUUID();
    const successor = crypto.randomUUID();
    const lock = await createSuccessorLock(old);
    const sealed = await sealSuccessor(lock.lockPublic, successor);
    expect(await openSuccessor(old, lock.lockSealedPrivate, sealed)).toBe(successor);
  });

  it('keeps the successor out of stored text and refuses another token', async () => {
    const old = crypto.randomUUID();
    const successor = crypto.randomUUID();
    const lock = await createSuccessorLock(old);
    const sealed = await sealSuccessor(lock.lockPublic, successor);
    expect(`${lock.lockPublic}${lock.lockSealedPrivate}${sealed}`).not.toContain(successor);
    await expect(openSuccessor(crypto.randomUUID(), lock.lockSealedPrivate, sealed)).rejects.toThrow();
  });
});
