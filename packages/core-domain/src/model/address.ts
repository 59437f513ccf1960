import { z } from "zod";

/** A postal address in Dropgate's own terms; dialects map their fields onto it. */
export const Address = z.object({
  name: z.string().min(1).max(256),
  company: z.string().max(256).nullable().default(null),
  telephoneNumber: z.string().max(64).nullable().default(null),
  street: z.string().min(1).max(512),
  street2: z.string().max(512).nullable().default(null),
  city: z.string().min(1).max(256),
  state: z.string().max(128).nullable().default(null),
  zipCode: z.string().min(1).max(32),
  country: z.string().max(64).nullable().default(null),
  loadingDock: z.boolean().nullable().default(null),
});
export type Address = z.infer<typeof Address>;
export type AddressInput = z.input<typeof Address>;
