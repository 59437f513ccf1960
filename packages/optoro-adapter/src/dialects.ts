import type { Client, UseCaseContext } from "@dropgate/core-domain";
import { type DialectDefinition, formCodec } from "@dropgate/dialect-kit";
import { createCursorCodec } from "./cursor/cursor-codec.js";
import { renderAuthProblem } from "./errors/auth-problem.js";
import { renderDropShipProblem } from "./errors/drop-ship-problem.js";
import { authOperations } from "./operations/auth-operations.js";
import { renderForwardOrdersProblem } from "./errors/forward-orders-problem.js";
import { authenticateBuyer } from "./operations/authenticate-buyer.js";
import { authenticateForwardOrderSender } from "./operations/authenticate-sender.js";
import { dropShipOperations } from "./operations/drop-ship-operations.js";
import { forwardOrderOperations } from "./operations/forward-order-operations.js";
import { withSpecSamples } from "./operations/spec-samples.js";
import {
  AUTH_PREFIX,
  DROP_SHIP_PREFIX,
  DROP_SHIP_VERSION,
  FORWARD_ORDERS_BODY_LIMIT_BYTES,
  FORWARD_ORDERS_PREFIX,
  FORWARD_ORDERS_VERSION,
  VERSION_HEADER,
} from "./version.js";
import { MessageBody, OAuthErrorBody } from "./wire/errors.js";

export interface OptoroDialectOptions {
  /** Secret the `offset` cursors are sealed with; every gateway instance must share it. */
  readonly cursorSecret: string;
  /** Lifetime of issued access tokens; Optoro's is 90000 s (25 h). */
  readonly tokenTtlSeconds?: number;
}

/** The Optoro OAuth, Drop Ship 2023-08-15 and Forward Orders 1.0.0 dialects, ready for the gateway to mount. */
export function createOptoroDialects(options: OptoroDialectOptions): DialectDefinition<UseCaseContext, Client>[] {
  const cursors = createCursorCodec(options.cursorSecret);
  return [
    {
      name: "optoro-auth",
      prefix: AUTH_PREFIX,
      title: "Optoro Auth",
      version: "1.0.0",
      description: "OAuth 2.0 client-credentials tokens for the Optoro APIs (Optoro Auth 1.0.0).",
      problemSchema: OAuthErrorBody,
      // RFC 6749 §4.4.2 posts the grant form-encoded; Optoro documents JSON. Both are read.
      codecs: [formCodec],
      operations: withSpecSamples(authOperations({ tokenTtlSeconds: options.tokenTtlSeconds })),
      authenticate: () => ({
        ok: false,
        problem: { kind: "unauthorized", status: 401, message: "The token endpoint takes client credentials in its body" },
      }),
      renderProblem: renderAuthProblem,
    },
    {
      name: "optoro-drop-ship",
      prefix: DROP_SHIP_PREFIX,
      title: "Optoro Drop Ship",
      version: DROP_SHIP_VERSION,
      description: `Optoro Drop Ship API ${DROP_SHIP_VERSION}: listings, orders and shipments for buyers. Send the ${VERSION_HEADER}: ${DROP_SHIP_VERSION} header and a bearer token from ${AUTH_PREFIX}/oauth/token.`,
      security: {
        type: "oauth2-client-credentials",
        tokenUrl: `${AUTH_PREFIX}/oauth/token`,
        description: "Client credentials from the Dropgate operator; send the token as Authorization: Bearer <token>.",
      },
      problemSchema: MessageBody,
      operations: withSpecSamples(dropShipOperations({ cursors })),
      authenticate: authenticateBuyer,
      renderProblem: renderDropShipProblem,
    },
    {
      name: "optoro-orders",
      prefix: FORWARD_ORDERS_PREFIX,
      title: "Optoro Forward Orders",
      version: FORWARD_ORDERS_VERSION,
      description: `Optoro Forward Orders ${FORWARD_ORDERS_VERSION} (deprecated by Optoro): a retailer tells Dropgate about its outbound orders, so returned units can be matched to them. Bearer token from ${AUTH_PREFIX}/oauth/token, issued to a forward-order sender. Bodies up to 256 KiB.`,
      security: {
        type: "oauth2-client-credentials",
        tokenUrl: `${AUTH_PREFIX}/oauth/token`,
        description: "Client credentials of a forward-order sender; send the token as Authorization: Bearer <token>.",
      },
      problemSchema: MessageBody,
      limits: { bodyLimitBytes: FORWARD_ORDERS_BODY_LIMIT_BYTES },
      operations: withSpecSamples(forwardOrderOperations()),
      authenticate: authenticateForwardOrderSender,
      renderProblem: renderForwardOrdersProblem,
    },
  ];
}
