import { TokenResponse } from "../wire/token.js";
import { OptoroApiError } from "./api-error.js";

export interface TokenSourceOptions {
  /** Root of the auth service, e.g. `https://auth.optiturn.com` or `<gateway>/optoro/auth`. */
  readonly authUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly fetch: typeof fetch;
  /** Renew this many seconds before `expires_in` runs out. */
  readonly renewBeforeSeconds: number;
  readonly now: () => number;
}

interface CachedToken {
  readonly value: string;
  readonly renewAt: number;
}

/**
 * Fetches client-credentials tokens and reuses one until shortly before it expires (Optoro asks
 * clients to reuse tokens until expiry, optoro.md §1.1). Concurrent callers share one fetch.
 */
export class TokenSource {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly options: TokenSourceOptions) {}

  /** A token that is not about to expire. */
  async get(): Promise<string> {
    if (this.cached && this.options.now() < this.cached.renewAt) return this.cached.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets `token` (the API refused it) so the next `get` fetches a new one. */
  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const url = `${this.options.authUrl.replace(/\/+$/, "")}/oauth/token`;
    const requestedAt = this.options.now();
    const response = await this.options.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        grant_type: "client_credentials",
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
      }),
    });
    const body: unknown = await readJson(response);
    if (!response.ok) throw new OptoroApiError(response.status, body, "POST", url);
    const token = TokenResponse.safeParse(body);
    if (!token.success) throw new OptoroApiError(response.status, body, "POST", url);
    const lifetime = Math.max(0, token.data.expires_in - this.options.renewBeforeSeconds);
    this.cached = { value: token.data.access_token, renewAt: requestedAt + lifetime * 1000 };
    return token.data.access_token;
  }
}

/** The parsed JSON body of a response; the raw text when it is not JSON; undefined when empty. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
