-- Title lines above a file's header (issue 14): which non-blank line is the header.
ALTER TABLE "data_imports" ADD COLUMN "headerRow" INTEGER NOT NULL DEFAULT 1;
