import { Id } from "@dropgate/core-domain";
import { z } from "zod";

/** Keyset paging input shared by every list: rows after `afterId`, at most `limit` of them. */
export const PageInput = z.object({
  afterId: Id.optional(),
  limit: z.int().min(1).max(1000).default(50),
});

/** The output schema of one page of `row`, matching the storage port's `Page`. */
export function pageOf<T extends z.ZodType>(row: T) {
  return z.object({
    rows: z.array(row).readonly(),
    total: z.int().min(0),
    nextAfterId: Id.nullable(),
  });
}
