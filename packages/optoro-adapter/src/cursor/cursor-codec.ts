import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";

/*
 * The Drop Ship `offset` is "an encrypted value determining the starting point" (2023-08-15,
 * List listings). Dropgate seals a keyset position with AES-256-GCM so that a client can neither
 * read nor forge one, and binds it to the client and to the query it was issued for: a cursor
 * replayed by another client or with other filters is refused instead of paging the wrong set.
 * The position is an id (keyset), so opening page 1000 costs what opening page 2 costs.
 *
 * Token layout (base64url): version byte · 12-byte IV · 16-byte tag · ciphertext.
 */

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ASSOCIATED_DATA = Buffer.from("dropgate/optoro-drop-ship/offset/v1", "utf8");

const CursorPayload = z.object({
  v: z.literal(FORMAT_VERSION),
  /** Client the cursor was issued to. */
  c: z.int().min(1),
  /** Fingerprint of the resource and normalised query. */
  q: z.string().min(1),
  /** Keyset position: the id of the last row already served. */
  a: z.int().min(0),
  /**
   * The set's total as the walk's first page counted it, answered again as `record_count` so
   * later pages do not count the set. Optional: cursors sealed before it existed still open.
   */
  t: z.int().min(0).optional(),
});

/** What a cursor says once opened and checked. */
export interface CursorPosition {
  readonly afterId: number;
  /** The total the walk's first page answered, when the cursor carries it. */
  readonly total?: number | undefined;
}

/** Why a presented cursor was refused. */
export type CursorRefusal = "malformed" | "foreign" | "mismatched";

export type OpenedCursor =
  | { readonly ok: true; readonly position: CursorPosition }
  | { readonly ok: false; readonly refusal: CursorRefusal };

export interface CursorBinding {
  readonly clientId: number;
  readonly fingerprint: string;
}

export interface CursorCodec {
  /** Seals a keyset position (and the walk's total) for one client and one query. */
  seal(binding: CursorBinding, afterId: number, total?: number): string;
  /** Opens a presented cursor and checks it belongs to this client and this query. */
  open(binding: CursorBinding, token: string): OpenedCursor;
}

/** Creates a codec; the AES key is derived from `secret` once, here (HKDF-SHA256). */
export function createCursorCodec(secret: string): CursorCodec {
  if (secret.length === 0) throw new Error("cursorSecret must not be empty");
  const key = Buffer.from(hkdfSync("sha256", secret, "dropgate/optoro-adapter", "drop-ship offset cursor v1", 32));

  return {
    seal(binding, afterId, total) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(ASSOCIATED_DATA);
      const payload = JSON.stringify({ v: FORMAT_VERSION, c: binding.clientId, q: binding.fingerprint, a: afterId, t: total });
      const sealed = Buffer.concat([cipher.update(payload, "utf8"), cipher.final()]);
      return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), sealed]).toString("base64url");
    },

    open(binding, token) {
      const payload = decrypt(key, token);
      if (!payload) return { ok: false, refusal: "malformed" };
      if (payload.c !== binding.clientId) return { ok: false, refusal: "foreign" };
      if (payload.q !== binding.fingerprint) return { ok: false, refusal: "mismatched" };
      return { ok: true, position: { afterId: payload.a, total: payload.t } };
    },
  };
}

function decrypt(key: Buffer, token: string): z.infer<typeof CursorPayload> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  // Node's decoder drops stray trailing characters; only the canonical spelling is accepted.
  if (raw.toString("base64url") !== token) return null;
  if (raw.length <= 1 + IV_BYTES + TAG_BYTES || raw[0] !== FORMAT_VERSION) return null;
  const iv = raw.subarray(1, 1 + IV_BYTES);
  const tag = raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const sealed = raw.subarray(1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
    const parsed = CursorPayload.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : null;
  } catch {
    // A failed tag check or unparsable plaintext means the token was altered or never ours.
    return null;
  }
}
