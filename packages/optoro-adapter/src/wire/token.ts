import { z } from "zod";

/** POST /oauth/token request (Auth 1.0.0: all three required, additionalProperties false). */
export const TokenRequest = z.strictObject({
  grant_type: z.string().meta({ description: "The OAuth flow used to create a token. Use 'client_credentials'." }),
  client_id: z.string().meta({ description: "Identifier used to authenticate." }),
  client_secret: z.string().meta({ description: "Secret used to authenticate." }),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

/** POST /oauth/token 200 answer (Auth 1.0.0). */
export const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.int().min(0).meta({ description: "Seconds after which the token expires." }),
  scope: z.string().meta({ description: "Space-delimited set of scopes for which the token is valid." }),
  created_at: z.int().meta({ description: "Creation time of the token in seconds since epoch." }),
});
export type TokenResponse = z.infer<typeof TokenResponse>;
