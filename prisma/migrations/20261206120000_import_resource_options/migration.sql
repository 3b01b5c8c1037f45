-- An import resource's own options (issue 14: inventory's "Create missing categories").
ALTER TABLE "data_imports" ADD COLUMN "resourceOptions" JSONB NOT NULL DEFAULT '{}';
