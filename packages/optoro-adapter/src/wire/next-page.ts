import { z } from "zod";

/**
 * Where the next page starts (Drop Ship 2023-08-15 GET /listings sample). `offset` is an opaque,
 * encrypted cursor; `path` repeats the request's filters with it, relative to the API root.
 * Dropgate answers `null` on the last page (our choice; the spec is silent, optoro.md §2.2).
 */
export const NextPage = z
  .object({
    offset: z.string().meta({ description: "Encrypted cursor to pass as ?offset= on the next call" }),
    path: z.string().meta({ description: "Relative path and query of the next page" }),
  })
  .nullable();
export type NextPage = z.infer<typeof NextPage>;
