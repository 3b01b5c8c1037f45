-- Least-privilege database roles (issue 15.5). The app connects as a role that owns no table and is no
-- superuser (scripts/lib/db-roles.ts grants it rows, nothing more). What it may not do even to rows is
-- listed here, one row per table, and revoked after every migration run: a plugin migration that needs
-- a table protected adds its row.
CREATE TABLE "app_role_restrictions" (
    "table" TEXT NOT NULL,
    "privileges" TEXT[] NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "app_role_restrictions_pkey" PRIMARY KEY ("table")
);

INSERT INTO "app_role_restrictions" ("table", "privileges", "reason") VALUES
  ('audit_entries', ARRAY['UPDATE', 'DELETE', 'TRUNCATE'], 'The audit log is append-only.'),
  ('audit_chain_heads', ARRAY['DELETE', 'TRUNCATE'], 'A chain head only moves forward (trigger audit_chain_heads_guard).'),
  ('app_role_restrictions', ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'], 'Only migrations change the restrictions.'),
  ('_prisma_migrations', ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'], 'Only the owner role runs migrations.');

-- The head of an organization chain (last seq and hash) had no protection at all: whoever could UPDATE it
-- could point it anywhere, and a DELETE restarted the chain. Now it can only move forward, to an entry
-- that exists with exactly that hash, and cannot be deleted.
CREATE FUNCTION audit_chain_heads_guard() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  IF TG_OP = ''DELETE'' THEN
    RAISE EXCEPTION ''audit_chain_heads: the head of an audit chain cannot be deleted'' USING ERRCODE = ''42501''\073
  END IF\073
  IF NEW."organizationId" <> OLD."organizationId" OR NEW.seq < OLD.seq THEN
    RAISE EXCEPTION ''audit_chain_heads: the head of an audit chain only moves forward'' USING ERRCODE = ''42501''\073
  END IF\073
  IF (NEW.seq = 0 AND NEW.hash <> '''') OR (NEW.seq > 0 AND NOT EXISTS (
    SELECT 1 FROM audit_entries e WHERE e."organizationId" = NEW."organizationId" AND e.seq = NEW.seq AND e.hash = NEW.hash)) THEN
    RAISE EXCEPTION ''audit_chain_heads: the head must name the last entry of the chain (seq %, hash %)'', NEW.seq, NEW.hash USING ERRCODE = ''42501''\073
  END IF\073
  RETURN NEW\073
END';

CREATE TRIGGER audit_chain_heads_guard BEFORE UPDATE OR DELETE ON "audit_chain_heads" FOR EACH ROW EXECUTE FUNCTION audit_chain_heads_guard();
