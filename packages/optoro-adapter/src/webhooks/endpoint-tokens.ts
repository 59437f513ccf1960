import type { WebhookAuth } from "@dropgate/core-domain";
import { z } from "zod";
import { readAnswerText } from "./answer-text.js";

export type OAuth2Auth = Extract<WebhookAuth, { kind: "oauth2" }>;

/*
 * The token answer of the *client's* token service, read as RFC 6749 §5.1 rather than as Optoro's
 * Auth 1.0.0 answer (which `client/token-source.ts` reads): only `access_token` is certain;
 * `token_type` is case-insensitive, `expires_in` recommended (sometimes sent as a string), and
 * there is no `scope` or `created_at` to rely on.
 */
const EndpointTokenAnswer = z.looseObject({
  access_token: z.string().min(1),
  token_type: z
    .string()
    .refine((type) => type.toLowerCase() === "bearer", "token_type is not Bearer")
    .optional(),
  expires_in: z.coerce.number().positive().optional(),
});

/** The client's token service could not give a token; the message never holds the credentials. */
export class EndpointTokenError extends Error {
  override readonly name = "EndpointTokenError";
}

interface CachedToken {
  readonly value: string;
  /** Epoch ms; Infinity when the service gave no `expires_in` (kept until the endpoint answers 401). */
  readonly expiresAt: number;
}

export interface EndpointTokensOptions {
  readonly timeoutMs: number;
  /** Clock in epoch milliseconds. */
  readonly now: () => number;
}

/**
 * Bearer tokens for `oauth2` subscriptions (client credentials against the client's own token
 * URL), one per subscription, reused until `expires_in` runs out. Concurrent sends to one
 * subscription share one token request.
 */
export class EndpointTokens {
  readonly #cached = new Map<number, CachedToken>();
  readonly #pending = new Map<number, Promise<string>>();

  constructor(private readonly options: EndpointTokensOptions) {}

  /** A token for the subscription that has not expired, fetched when there is none. */
  get(subscriptionId: number, auth: OAuth2Auth): Promise<string> {
    const cached = this.#cached.get(subscriptionId);
    if (cached && this.options.now() < cached.expiresAt) return Promise.resolve(cached.value);
    let pending = this.#pending.get(subscriptionId);
    if (!pending) {
      pending = this.#fetch(subscriptionId, auth).finally(() => this.#pending.delete(subscriptionId));
      this.#pending.set(subscriptionId, pending);
    }
    return pending;
  }

  /** Forgets `token` (the endpoint refused it) so the next `get` fetches a new one. */
  invalidate(subscriptionId: number, token: string): void {
    if (this.#cached.get(subscriptionId)?.value === token) this.#cached.delete(subscriptionId);
  }

  async #fetch(subscriptionId: number, auth: OAuth2Auth): Promise<string> {
    const requestedAt = this.options.now();
    const response = await fetch(auth.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", client_id: auth.clientId, client_secret: auth.clientSecret }),
      redirect: "manual",
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await readAnswerText(response);
    if (!response.ok) throw new EndpointTokenError(`token service answered HTTP ${response.status}${oauthError(text)}`);
    const answer = EndpointTokenAnswer.safeParse(parseJson(text));
    if (!answer.success) {
      throw new EndpointTokenError(`token service answer is not a token: ${answer.error.issues[0]?.message ?? "unreadable"}`);
    }
    const { access_token: value, expires_in: expiresIn } = answer.data;
    // Measured from the request, not the answer, so the token is never used past its lifetime.
    this.#cached.set(subscriptionId, { value, expiresAt: expiresIn === undefined ? Infinity : requestedAt + expiresIn * 1000 });
    return value;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The RFC 6749 §5.2 `error` code of a refusal, when there is one (never its description, which may echo input). */
function oauthError(text: string): string {
  const body = parseJson(text);
  const code = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof code === "string" ? ` (${code.slice(0, 64)})` : "";
}
