// The import upload limit, in a module without server imports: the route refuses larger files with
// 413 and the upload page checks before sending, from this one constant (the README says 200 MB too).

/** 200 MB (200 × 1024 × 1024 bytes): the largest import upload. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
