import { z } from "zod";

/** Drop Ship error body: `{"message": …}` (reference/optoro.md §2.9). */
export const MessageBody = z.object({ message: z.string() }).meta({ description: "Error or status message" });
export type MessageBody = z.infer<typeof MessageBody>;

/**
 * Rails' default body for a missing parameter, as Optoro's 6.0 document shows it for GET /listings
 * (optoro.md §2.9), plus the `message` every other Drop Ship error carries.
 */
export const ParameterMissingBody = z
  .object({
    status: z.literal(400),
    error: z.literal("Bad Request"),
    exception: z.string().meta({ example: "#<ActionController::ParameterMissing: param is missing or the value is empty: updated_at>" }),
    message: z.string().meta({ example: "param is missing or the value is empty: updated_at" }),
  })
  .meta({ description: "A required parameter is missing (Rails ParameterMissing)" });
export type ParameterMissingBody = z.infer<typeof ParameterMissingBody>;

/** OAuth token endpoint error body (Auth 1.0.0, 401 `invalid_client`; RFC 6749 §5.2 codes). */
export const OAuthErrorBody = z.object({
  error: z.string().meta({ description: "Summary of the error that occurred while creating a token." }),
  error_description: z.string().meta({ description: "Details of the error that occurred while creating a token." }),
});
export type OAuthErrorBody = z.infer<typeof OAuthErrorBody>;
