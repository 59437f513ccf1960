export { CommitFailedError, DEFAULT_GROUP_COMMIT, type GroupCommitLimits, SyncFailedError, type WalSync } from "./group-commit.js";
export type { BackgroundCheckpoint, CheckpointReport } from "./background-checkpoint.js";
export { type MigrationReport, migrateToLatest } from "./migrations/migrate.js";
export { openStorage, type StorageOptions } from "./open-storage.js";
export { SORTED_SINCE_SET } from "./repositories/paging.js";
export type { Database } from "./schema/database.js";
export { SqliteStorage } from "./sqlite-storage.js";
