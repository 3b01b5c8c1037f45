// Encryption at rest for secret settings: AES-256-GCM with the key from RITIKO_SECRETS_KEY (32 random
// bytes, base64). A stored secret is {"enc": "v1:<iv>:<tag>:<ciphertext>"} (base64url parts); the
// version prefix leaves room for another algorithm or key rotation later. Each ciphertext is bound
// (GCM additional data) to its row — organization, plugin and key — so a value copied into another
// organization's row does not decrypt. The key is read lazily: only code that touches a secret needs it.
import "server-only";
import crypto from "node:crypto";

export type EncryptedSecret = { enc: string };

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The secrets key is missing or malformed: an operator's configuration error, safe to show to admins. */
export class SecretsKeyError extends Error {
  override name = "SecretsKeyError";
}

/** A stored secret that cannot be decrypted: wrong key, or the value was altered. */
export class SecretDecryptionError extends Error {
  override name = "SecretDecryptionError";
}

let cached: { source: string; key: Buffer } | undefined;

function secretsKey(): Buffer {
  const source = process.env.RITIKO_SECRETS_KEY?.trim();
  if (!source) {
    throw new SecretsKeyError(
      "RITIKO_SECRETS_KEY is not set, so plugin secrets cannot be encrypted or read. Set it to 32 random bytes in base64 " +
        "(`openssl rand -base64 32`) in the server's environment; `npm run dev` generates one under .data/secrets.",
    );
  }
  if (cached?.source === source) return cached.key;
  // Node decodes both base64 alphabets; reject anything else rather than silently dropping characters.
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(source) ? Buffer.from(source, "base64") : Buffer.alloc(0);
  if (key.length !== 32) {
    throw new SecretsKeyError(`RITIKO_SECRETS_KEY must be 32 bytes encoded in base64 (\`openssl rand -base64 32\`); the value set decodes to ${key.length} bytes.`);
  }
  cached = { source, key };
  return key;
}

/** The additional authenticated data that ties a ciphertext to one setting row. */
export function secretContext(organizationId: string, pluginId: string, key: string): string {
  return `ritiko:plugin-setting:${organizationId}:${pluginId}:${key}`;
}

export function encryptSecret(plaintext: string, context: string): EncryptedSecret {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", secretsKey(), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64url"));
  return { enc: `${VERSION}:${parts.join(":")}` };
}

export function isEncryptedSecret(value: unknown): value is EncryptedSecret {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) &&
    Object.keys(value).length === 1 && typeof (value as { enc?: unknown }).enc === "string" &&
    (value as EncryptedSecret).enc.startsWith(`${VERSION}:`)
  );
}

export function decryptSecret(stored: unknown, context: string): string {
  if (!isEncryptedSecret(stored)) throw new SecretDecryptionError("The stored secret is not in the {\"enc\": \"v1:…\"} format.");
  const [, iv, tag, ciphertext] = stored.enc.split(":");
  const key = secretsKey();
  try {
    const ivBytes = Buffer.from(iv ?? "", "base64url");
    const tagBytes = Buffer.from(tag ?? "", "base64url");
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES || ciphertext === undefined) throw new Error("malformed");
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(
      "A stored secret cannot be decrypted: RITIKO_SECRETS_KEY differs from the key it was saved with, or the stored value was altered. " +
        "Restore the original key, or set the secret again.",
    );
  }
}
