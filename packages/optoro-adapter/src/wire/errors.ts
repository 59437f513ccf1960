import { z } from "zod";

/** Drop Ship error body: `{"message": …}` (reference/optoro.md §2.9). */
export const MessageBody = z.object({ message: z.string() }).meta({ description: "Error or status message" });
export type MessageBody = z.infer<typeof MessageBody>;

/** OAuth token endpoint error body (Auth 1.0.0, 401 `invalid_client`; RFC 6749 §5.2 codes). */
export const OAuthErrorBody = z.object({
  error: z.string().meta({ description: "Summary of the error that occurred while creating a token." }),
  error_description: z.string().meta({ description: "Details of the error that occurred while creating a token." }),
});
export type OAuthErrorBody = z.infer<typeof OAuthErrorBody>;
