import { z } from "zod";

/*
 * What a client endpoint answers (Disposition Update and Drop Ship webhooks 1.0.0, optoro.md
 * §4.1): any 2xx is success; 400, 401, 422, 500 and 502 are the documented refusals.
 */

/** 200 body: "recommended … used for debugging purposes only", so it may be absent or carry more. */
export const ReceiverSuccess = z.looseObject({ message: z.string().optional() });
export type ReceiverSuccess = z.infer<typeof ReceiverSuccess>;

/** Why one field failed, in a 422 `ValidationFailure`. */
export const ReceiverFieldError = z.looseObject({
  /** JSON path of the field. */
  field: z.string(),
  code: z.enum(["missing_field", "invalid_type", "invalid"]),
});
export type ReceiverFieldError = z.infer<typeof ReceiverFieldError>;

/** 422 body: `ValidationFailure` (both keys required). */
export const ReceiverValidationFailure = z.looseObject({
  message: z.string(),
  errors: z.array(ReceiverFieldError),
});
export type ReceiverValidationFailure = z.infer<typeof ReceiverValidationFailure>;
