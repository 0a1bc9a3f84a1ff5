// Token cryptography: SHA-256 hashes for storage, constant-time matching, and a sealed successor so a
// holder of a rotated (graced) token can recover the current token while storage holds no plaintext.
//
// Why sealing: POST /api/token/refresh with a graced token must return the token the rotation made,
// but rotations also happen in the alarm, where the old token's plaintext is unknown. So each token
// gets a P-256 key pair at issue: the public half is stored plainly, the private half is encrypted
// under a key derived from the token itself. A rotation encrypts the new token to that public key;
// only someone presenting the old token can open it.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const LOCK_LABEL = 'bookstrack-successor-lock:';
const IV_BYTES = 12;
const P256_RAW_PUBLIC_BYTES = 65;

export interface SuccessorLock {
  lockPublic: string;
  lockSealedPrivate: string;
}

export async function hashToken(token: string): Promise<string> {
  return toHex(await sha256(encoder.encode(token)));
}

/** Compares the presented token's digest with every stored hash, without early exit. */
export async function findMatchingHash(token: string, hashes: readonly string[]): Promise<string | undefined> {
  const presented = await sha256(encoder.encode(token));
  let match: string | undefined;
  for (const hash of hashes) {
    const stored = fromHex(hash);
    if (stored.byteLength === presented.byteLength && crypto.subtle.timingSafeEqual(stored, presented)) {
      match = hash;
    }
  }
  return match;
}

export async function createSuccessorLock(token: string): Promise<SuccessorLock> {
  const pair = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
  const publicRaw = (await crypto.subtle.exportKey('raw', pair.publicKey)) as ArrayBuffer;
  const privatePkcs8 = (await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer;
  const sealed = await aesSeal(await tokenKey(token), new Uint8Array(privatePkcs8));
  return { lockPublic: toBase64(new Uint8Array(publicRaw)), lockSealedPrivate: toBase64(sealed) };
}

export async function sealSuccessor(lockPublic: string, successor: string): Promise<string> {
  const recipient = await crypto.subtle.importKey('raw', fromBase64(lockPublic), ECDH, false, []);
  const ephemeral = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
  const ephemeralRaw = new Uint8Array((await crypto.subtle.exportKey('raw', ephemeral.publicKey)) as ArrayBuffer);
  const key = await sharedKey(ephemeral.privateKey, recipient);
  const sealed = await aesSeal(key, encoder.encode(successor));
  return toBase64(concat(ephemeralRaw, sealed));
}

/** Recovers the successor of `token`; throws when the token does not open the lock. */
export async function openSuccessor(
  token: string,
  lockSealedPrivate: string,
  sealedSuccessor: string,
): Promise<string> {
  const privatePkcs8 = await aesOpen(await tokenKey(token), fromBase64(lockSealedPrivate));
  const privateKey = await crypto.subtle.importKey('pkcs8', privatePkcs8, ECDH, false, ['deriveBits']);
  const bytes = fromBase64(sealedSuccessor);
  const ephemeral = await crypto.subtle.importKey('raw', bytes.slice(0, P256_RAW_PUBLIC_BYTES), ECDH, false, []);
  const key = await sharedKey(privateKey, ephemeral);
  return decoder.decode(await aesOpen(key, bytes.slice(P256_RAW_PUBLIC_BYTES)));
}

async function tokenKey(token: string): Promise<CryptoKey> {
  const material = await sha256(encoder.encode(LOCK_LABEL + token));
  return crypto.subtle.importKey('raw', material, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function sharedKey(privateKey: CryptoKey, publicKey: CryptoKey): Promise<CryptoKey> {
  // workers-types spells the standard `public` member `$public`; the runtime takes `public`.
  const algorithm = { name: 'ECDH', public: publicKey } as unknown as SubtleCryptoDeriveKeyAlgorithm;
  const bits = await crypto.subtle.deriveBits(algorithm, privateKey, 256);
  const material = await sha256(new Uint8Array(bits));
  return crypto.subtle.importKey('raw', material, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function aesSeal(key: CryptoKey, plain: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  return concat(iv, new Uint8Array(cipher));
}

async function aesOpen(key: CryptoKey, sealed: Uint8Array): Promise<Uint8Array> {
  const iv = sealed.slice(0, IV_BYTES);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed.slice(IV_BYTES));
  return new Uint8Array(plain);
}

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
