/** How a dialect's clients authenticate, described for its OpenAPI document. */
export type DialectSecurity =
  | {
      readonly type: "oauth2-client-credentials";
      /** Token endpoint; a path is resolved against the gateway's origin. */
      readonly tokenUrl: string;
      readonly scopes?: Readonly<Record<string, string>>;
      readonly description?: string;
    }
  | { readonly type: "http-basic"; readonly description?: string }
  | { readonly type: "http-bearer"; readonly bearerFormat?: string; readonly description?: string }
  | { readonly type: "api-key"; readonly in: "header" | "query"; readonly name: string; readonly description?: string };
