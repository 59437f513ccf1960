import { issueAccessToken } from "@dropgate/core-domain";
import { FORM_MEDIA_TYPE, JSON_MEDIA_TYPE } from "@dropgate/dialect-kit";
import { INVALID_CLIENT_DESCRIPTION, oauthError } from "../errors/auth-problem.js";
import { respond } from "../errors/respond.js";
import { OAuthErrorBody } from "../wire/errors.js";
import { TokenRequest, TokenResponse } from "../wire/token.js";
import { defineOperation, type OptoroOperation } from "./optoro-kit.js";

/*
 * Optoro OAuth (Auth 1.0.0): POST /oauth/token, client-credentials grant. Only Optoro clients
 * get tokens here; one token serves every Optoro API (optoro.md §1.1), so scope is checked by
 * each API, not here. Tokens are stored hashed by the spine's `issueAccessToken`.
 */

/** Scope string granted with every token, as Optoro's example answers. */
export const TOKEN_SCOPE = "read write";

/** POST /oauth/token. */
export function authOperations(options: { readonly tokenTtlSeconds?: number | undefined }): OptoroOperation[] {
  return [
    defineOperation({
      id: "oauthTokenFetch",
      method: "POST",
      path: "/oauth/token",
      summary: "Fetch Token",
      description: "Returns an OAuth 2.0 access token for the client-credentials grant.",
      tags: ["Auth"],
      auth: "none",
      // RFC 6749 §4.4.2 posts the grant form-encoded; Optoro documents JSON. Both are accepted.
      consumes: [JSON_MEDIA_TYPE, FORM_MEDIA_TYPE],
      request: { body: TokenRequest },
      // Keyed by address AND client id: a guessing loop on one address spends its own bucket,
      // not the one of the real client calling from the same address (a shared NAT, say).
      rateLimitKey: ({ body }) => `client-id:${body.client_id}`,
      responses: {
        200: { description: "An OAuth 2.0 bearer token and related metadata", schema: TokenResponse },
        400: { description: "Malformed request or unsupported grant type", schema: OAuthErrorBody },
        401: { description: "Invalid client credentials", schema: OAuthErrorBody },
        413: { description: "Request too large", schema: OAuthErrorBody },
        429: { description: "Too many requests", schema: OAuthErrorBody },
        500: { description: "Server error; retry with exponential backoff", schema: OAuthErrorBody },
      },
      handler: (input, ctx) => {
        const body = input.body;
        if (body.grant_type !== "client_credentials") {
          return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }
        // A client of another dialect is unknown to Optoro's auth service: same answer as a bad secret.
        const dialect = ctx.store.read((r) => r.getClientByKey(body.client_id)?.dialect);
        if (dialect !== undefined && dialect !== "optoro") return oauthError(401, "invalid_client", INVALID_CLIENT_DESCRIPTION);
        const issued = issueAccessToken(ctx, {
          key: body.client_id,
          secret: body.client_secret,
          scope: TOKEN_SCOPE,
          ...(options.tokenTtlSeconds === undefined ? {} : { ttlSeconds: options.tokenTtlSeconds }),
        });
        if (!issued.ok) return oauthError(401, "invalid_client", INVALID_CLIENT_DESCRIPTION);
        const token: TokenResponse = {
          access_token: issued.value.accessToken,
          token_type: "Bearer",
          expires_in: issued.value.expiresIn,
          scope: issued.value.scope,
          created_at: issued.value.createdAt,
        };
        return respond(200, token, { "cache-control": "no-store", pragma: "no-cache" });
      },
    }),
  ];
}
