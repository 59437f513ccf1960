import { z } from "zod";

/** Every Rewix error: the message, naming the field at fault when there is one. */
export const ErrorBody = z.object({ message: z.string(), field: z.string().optional() });
export type ErrorBody = z.infer<typeof ErrorBody>;
