/**
 * The one zip module of ppkit: writing with archiver (fixed order and timestamps, so packing is
 * deterministic) and reading with yauzl, treating every zip as hostile.
 */
export * from './write.js';
export * from './read.js';
