import type { RequestProblem } from "./problem.js";

/** The whole request as a dialect's authenticator sees it (before any part is validated). */
export interface AuthRequest {
  readonly method: string;
  /** The URL path as the client sent it, without the query string. */
  readonly path: string;
  /** Header names are lower case, as HTTP/1.1 servers hand them over. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw query string's parameters (a repeated name gives an array). */
  readonly query: Readonly<Record<string, string | string[] | undefined>>;
  /** The client's address (from X-Forwarded-For when the gateway trusts a proxy). */
  readonly ip: string;
}

/** The principal a dialect's authenticator found, or the problem that refuses the request. */
export type AuthOutcome<Principal> =
  | { readonly ok: true; readonly client: Principal }
  | { readonly ok: false; readonly problem: RequestProblem };
