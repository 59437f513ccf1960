import type { DialectSecurity } from "@dropgate/dialect-kit";

/** The OpenAPI Security Scheme Object of a dialect's security description, with its name. */
export function securitySchemeOf(security: DialectSecurity): { name: string; scheme: Record<string, unknown> } {
  const description = security.description === undefined ? {} : { description: security.description };
  switch (security.type) {
    case "oauth2-client-credentials":
      return {
        name: "oauth2",
        scheme: {
          type: "oauth2",
          ...description,
          flows: { clientCredentials: { tokenUrl: security.tokenUrl, scopes: { ...security.scopes } } },
        },
      };
    case "http-basic":
      return { name: "basic", scheme: { type: "http", scheme: "basic", ...description } };
    case "http-bearer":
      return {
        name: "bearer",
        scheme: {
          type: "http",
          scheme: "bearer",
          ...(security.bearerFormat === undefined ? {} : { bearerFormat: security.bearerFormat }),
          ...description,
        },
      };
    case "api-key":
      return { name: "apiKey", scheme: { type: "apiKey", in: security.in, name: security.name, ...description } };
  }
}
