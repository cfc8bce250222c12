import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** Saved secrets are sealed as `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM. */
const VERSION = 'v1';

export type KeyPurpose = 'settings-encryption-v1' | 'queue-board-session-v1';

/** Derives a key per purpose from the app's own secrets, so nothing extra needs configuring. */
export const deriveKey = (secret: string, purpose: KeyPurpose): Buffer => {
  if (!secret)
    throw new Error(`Cannot derive the ${purpose} key: the app has no secrets configured.`);
  return Buffer.from(hkdfSync('sha256', secret, 'strapi-plugin-alwrity', purpose, 32));
};

export const seal = (plaintext: string, key: Buffer): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
};

export const open = (sealed: string, key: Buffer): string => {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new Error('The saved secret is not in a format this version can read.');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
};

const mac = (payload: string, key: Buffer) =>
  createHmac('sha256', key).update(payload).digest('base64url');

/** `<payload>.<HMAC-SHA256>`: a value the browser may hold but cannot forge or alter. */
export const sign = (payload: string, key: Buffer): string => `${payload}.${mac(payload, key)}`;

/** The payload of a value `sign` made with this key, else undefined. */
export const verify = (signed: string, key: Buffer): string | undefined => {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const payload = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(mac(payload, key));
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : undefined;
};

/** What the browser may see of a key. */
export const lastFour = (secret: string): string => `…${secret.slice(-4)}`;
