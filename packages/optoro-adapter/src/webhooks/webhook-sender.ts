import type { AttemptOutcome, AttemptRecord, WebhookSubscription } from "@dropgate/core-domain";
import { describeRefusal, readAnswerText } from "./answer-text.js";
import { EndpointTokens } from "./endpoint-tokens.js";

/** What one send came to, in `recordDeliveryAttempt`'s terms. */
export type SendOutcome = "delivered" | "retry" | "fail";

/** The result of one send; `error` never holds a credential. */
export interface SendResult {
  readonly outcome: SendOutcome;
  /** The endpoint's HTTP status, when it answered. */
  readonly status?: number;
  readonly error?: string;
  /** Every HTTP exchange the send made (two when an oauth2 endpoint refused the first token). */
  readonly exchanges: readonly AttemptRecord[];
}

/** The part of a subscription a send needs. */
export type WebhookTarget = Pick<WebhookSubscription, "id" | "url" | "auth">;

export interface WebhookSenderOptions {
  /** Per HTTP request (the token request and each POST); default 10 000 ms. */
  readonly timeoutMs?: number;
  /** Clock in epoch milliseconds, for token lifetimes; default `Date.now`. */
  readonly now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

interface Attempt {
  readonly response: Response;
  /** The bearer token sent, for oauth2 subscriptions. */
  readonly token?: string;
}

/**
 * POSTs webhook bodies to client endpoints as Optoro does (Disposition Update and Drop Ship
 * webhooks 1.0.0, "Failure Handling"): JSON to the subscription's URL exactly as given, with its
 * authentication. Any 2xx is delivered. A 401 to an oauth2 subscription fetches a new token and
 * tries once more at once. Everything else that fails — 401 again, other 4xx, 5xx, redirects,
 * timeouts, refused connections, an unusable token service — is `retry`: the retry contract
 * (five retries with backoff, then the failure queue) belongs to `recordDeliveryAttempt`.
 */
export class WebhookSender {
  readonly #timeoutMs: number;
  readonly #tokens: EndpointTokens;
  readonly #now: () => number;

  constructor(options: WebhookSenderOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#now = options.now ?? Date.now;
    this.#tokens = new EndpointTokens({ timeoutMs: this.#timeoutMs, now: this.#now });
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }

  /** Sends `body` to the subscription's endpoint once (twice on an oauth2 401) and says what came of it. */
  async send(target: WebhookTarget, body: unknown): Promise<SendResult> {
    let json: string;
    try {
      json = JSON.stringify(body);
    } catch (error) {
      const why = `the body cannot be written as JSON: ${messageOf(error)}`;
      return { outcome: "fail", error: why, exchanges: [{ startedAt: this.#iso(), latencyMs: 0, outcome: "unsendable", error: why }] };
    }
    const secrets = secretsOf(target);
    const exchanges: AttemptRecord[] = [];
    const first = await this.#exchange(target, json, secrets);
    exchanges.push(first.record);
    let last = first;
    if (first.record.outcome === "token_rejected") {
      // "When Optoro receives a 401 HTTP status, Optoro will request a new Authentication Token
      // from the client's services and retry the request."
      if (first.token !== undefined) this.#tokens.invalidate(target.id, first.token);
      last = await this.#exchange(target, json, secrets);
      exchanges.push(last.record);
    }
    const { record } = last;
    const outcome = record.outcome === "delivered" ? "delivered" : "retry";
    return {
      outcome,
      ...(record.httpStatus === undefined ? {} : { status: record.httpStatus }),
      ...(record.error === undefined ? {} : { error: record.error }),
      exchanges,
    };
  }

  /** One POST (with the token it needs), timed and classified; never throws. */
  async #exchange(target: WebhookTarget, json: string, secrets: string[]): Promise<{ record: AttemptRecord; token?: string }> {
    const startedAt = this.#iso();
    const started = performance.now();
    const done = (outcome: AttemptOutcome, fields: { httpStatus?: number; error?: string } = {}): AttemptRecord => ({
      startedAt,
      latencyMs: Math.round(performance.now() - started),
      outcome,
      ...(fields.httpStatus === undefined ? {} : { httpStatus: fields.httpStatus }),
      ...(fields.error === undefined ? {} : { error: scrub(fields.error, secrets) }),
    });
    let token: string | undefined;
    try {
      const attempt = await this.#post(target, json);
      token = attempt.token;
      const { response } = attempt;
      if (token !== undefined) secrets.push(token);
      const text = await readAnswerText(response);
      const tokenPart = token === undefined ? {} : { token };
      if (response.ok) return { record: done("delivered", { httpStatus: response.status }), ...tokenPart };
      const why = describeRefusal(response.status, text);
      const error = response.status >= 300 && response.status < 400 ? `${why} (redirects are not followed)` : why;
      const outcome = response.status === 401 && token !== undefined ? "token_rejected" : "http_error";
      return { record: done(outcome, { httpStatus: response.status, error }), ...tokenPart };
    } catch (error) {
      return { record: done(failureOutcome(error), { error: describeFailure(error, this.#timeoutMs) }) };
    }
  }

  async #post(target: WebhookTarget, json: string): Promise<Attempt> {
    const headers = new Headers({ "content-type": "application/json", accept: "application/json" });
    const { auth } = target;
    let token: string | undefined;
    if (auth.kind === "basic") {
      headers.set("authorization", `Basic ${basicCredentials(auth.username, auth.password)}`);
    } else if (auth.kind === "header") {
      headers.set(auth.name, auth.value);
    } else if (auth.kind === "oauth2") {
      token = await this.#tokens.get(target.id, auth);
      headers.set("authorization", `Bearer ${token}`);
    }
    // No redirects: a POST turned into a GET, or credentials sent to another host, is not a delivery.
    const response = await fetch(target.url, {
      method: "POST",
      headers,
      body: json,
      redirect: "manual",
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
    return token === undefined ? { response } : { response, token };
  }
}

/** `user:password` in base64, as HTTP Basic (RFC 7617) sends it. */
function basicCredentials(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, "utf8").toString("base64");
}

/** Every credential of the subscription, as it could appear in an error text. */
function secretsOf(target: WebhookTarget): string[] {
  const { auth } = target;
  switch (auth.kind) {
    case "basic":
      return [auth.password, basicCredentials(auth.username, auth.password)];
    case "header":
      return [auth.value];
    case "oauth2":
      return [auth.clientSecret];
    case "none":
      return [];
  }
}

/** Removes credentials from a text bound for `lastError` or a log (a receiver may echo what it got). */
function scrub(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret !== "").reduce((out, secret) => out.replaceAll(secret, "[redacted]"), text);
}

function failureOutcome(error: unknown): AttemptOutcome {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  if (error instanceof Error && error.name === "EndpointTokenError") return "token_error";
  return "connection_error";
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs} ms`;
  }
  if (error instanceof Error && error.name === "EndpointTokenError") return error.message;
  // fetch reports network failures as TypeError("fetch failed") with the system error as cause.
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const detail = typeof cause?.message === "string" ? cause.message : messageOf(error);
  return `connection failed: ${detail}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
