// The CSV layer of imports/exports: pure (no database), streaming, bounded memory.
export * from "./errors";
export * from "./decode";
export * from "./detect";
export * from "./parse-stream";
export * from "./mapping";
export * from "./rows";
export * from "./write";
export { MAX_CELL_CHARS, MAX_COLUMNS, MAX_RECORD_CHARS } from "./tokenize";
