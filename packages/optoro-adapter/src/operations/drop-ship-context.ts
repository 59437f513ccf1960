import type { CursorCodec } from "../cursor/cursor-codec.js";

/** What the Drop Ship operation tables are built with. */
export interface DropShipDeps {
  readonly cursors: CursorCodec;
}
