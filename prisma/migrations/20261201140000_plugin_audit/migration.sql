-- CreateTable
CREATE TABLE "audit_entries" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "actorUserId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "targetLabel" TEXT,
    "changes" JSONB NOT NULL,
    "source" TEXT,
    "requestId" TEXT,
    "ip" TEXT,
    "importId" TEXT,
    "eventId" UUID,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_chain_heads" (
    "organizationId" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_chain_heads_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "audit_entries_organizationId_at_idx" ON "audit_entries"("organizationId", "at");

-- CreateIndex
CREATE INDEX "audit_entries_organizationId_targetType_targetId_seq_idx" ON "audit_entries"("organizationId", "targetType", "targetId", "seq");

-- CreateIndex
CREATE INDEX "audit_entries_organizationId_actorId_seq_idx" ON "audit_entries"("organizationId", "actorId", "seq");

-- CreateIndex
CREATE INDEX "audit_entries_organizationId_action_seq_idx" ON "audit_entries"("organizationId", "action", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entries_organizationId_seq_key" ON "audit_entries"("organizationId", "seq");


-- The hash of an entry, defined once, here, and used by the writer (audit_append below, called by
-- plugins/audit/chain/append.ts) and the verifier (audit_entry_hash, plugins/audit/chain/verify.ts):
--   hash = hex(sha256(prevHash || LF || audit_entry_content(entry)::text))
-- audit_entry_content picks every column but id, prevHash and hash (plus "v": 1, the version of this
-- definition) from the entry as jsonb — the writer's prepared row, or a stored row through
-- audit_entry_json — and its text form is canonical: jsonb orders keys and formats values the same
-- way every time. at is an ISO instant in UTC with milliseconds (the column's precision).
CREATE FUNCTION audit_entry_content(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'v', 1, 'organizationId', j->'organizationId', 'seq', j->'seq', 'at', j->'at',
    'actorType', j->'actorType', 'actorId', j->'actorId', 'actorLabel', j->'actorLabel', 'actorUserId', j->'actorUserId',
    'action', j->'action', 'targetType', j->'targetType', 'targetId', j->'targetId', 'targetLabel', j->'targetLabel', 'changes', j->'changes',
    'source', j->'source', 'requestId', j->'requestId', 'ip', j->'ip', 'importId', j->'importId', 'eventId', j->'eventId')
$$;

CREATE FUNCTION audit_entry_json(e audit_entries) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT to_jsonb(e) || jsonb_build_object('at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
$$;

CREATE FUNCTION audit_chain_hash(prev text, content text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev || chr(10) || content, 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_entry_hash(prev text, e audit_entries) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT audit_chain_hash(prev, audit_entry_content(audit_entry_json(e))::text)
$$;

-- The changes of a patient entry with each masked field's values replaced by "•••" (null stays null).
CREATE FUNCTION audit_mask_changes(changes jsonb, masked jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(jsonb_agg(CASE WHEN masked @> to_jsonb(c->>'field') THEN jsonb_build_object(
      'field', c->'field',
      'before', CASE WHEN jsonb_typeof(c->'before') = 'null' THEN 'null'::jsonb ELSE to_jsonb('•••'::text) END,
      'after', CASE WHEN jsonb_typeof(c->'after') = 'null' THEN 'null'::jsonb ELSE to_jsonb('•••'::text) END,
      'redacted', 'masked') ELSE c END ORDER BY k), '[]'::jsonb)
  FROM jsonb_array_elements(changes) WITH ORDINALITY AS ch(c, k)
$$;

-- audit_append(org, entries, default_masked): appends a batch of entries to the organization's chain
-- in one call (plugins/audit/chain/append.ts). Locks the head row FOR UPDATE (created on first use),
-- reads the maskedPatientFields setting (default_masked when unset), then per entry: seq + 1, the
-- batch's time (the database clock under the lock), masking of patient entries ("mask" key), prevHash
-- and hash = audit_chain_hash(prevHash, audit_entry_content(entry)) — the contents computed set-based,
-- only the chaining in a loop. ONE multi-row INSERT of the whole batch, then the head moves. Returns
-- the new head seq. (Body in an E'' string: the runner splits at semicolons, written as octal 073.)
CREATE FUNCTION audit_append(org uuid, entries jsonb, default_masked jsonb) RETURNS bigint LANGUAGE plpgsql AS E'DECLARE
  head_seq bigint\073
  prev text\073
  masked jsonb\073
  at_text text := to_char(date_trunc(''milliseconds'', clock_timestamp()) AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'')\073
  n int\073
  rows_json jsonb[]\073
  contents text[]\073
  c text\073
  prevs text[] := ''{}''\073
  hashes text[] := ''{}''\073
BEGIN
  SELECT h.seq, h.hash INTO head_seq, prev FROM audit_chain_heads h WHERE h."organizationId" = org FOR UPDATE\073
  IF NOT FOUND THEN
    INSERT INTO audit_chain_heads ("organizationId", seq, hash, "updatedAt") VALUES (org, 0, '''', now()) ON CONFLICT ("organizationId") DO NOTHING\073
    SELECT h.seq, h.hash INTO head_seq, prev FROM audit_chain_heads h WHERE h."organizationId" = org FOR UPDATE\073
  END IF\073
  masked := COALESCE((SELECT s.value FROM plugin_settings s WHERE s."organizationId" = org AND s."pluginId" = ''audit'' AND s.key = ''maskedPatientFields''), default_masked)\073
  SELECT array_agg(p.j ORDER BY p.ord), array_agg(audit_entry_content(p.j)::text ORDER BY p.ord) INTO rows_json, contents
  FROM (
    SELECT x.ord, (x.e - ''mask'') || jsonb_build_object(
      ''organizationId'', org, ''seq'', head_seq + x.ord, ''at'', at_text,
      ''changes'', CASE WHEN x.e ? ''mask'' THEN audit_mask_changes(x.e->''changes'', masked) ELSE x.e->''changes'' END,
      ''targetLabel'', CASE WHEN NOT x.e ? ''mask'' THEN x.e->''targetLabel'' ELSE x.e->''mask''->''labels''->(CASE
        WHEN masked @> ''["firstName"]'' OR masked @> ''["lastName"]'' THEN CASE WHEN masked @> ''["medicalRecordNumber"]'' THEN ''none'' ELSE ''noName'' END
        WHEN masked @> ''["medicalRecordNumber"]'' THEN ''noMrn'' ELSE ''plain'' END) END) AS j
    FROM jsonb_array_elements(entries) WITH ORDINALITY AS x(e, ord)
    OFFSET 0
  ) p\073
  n := coalesce(array_length(contents, 1), 0)\073
  FOREACH c IN ARRAY coalesce(contents, ''{}'') LOOP
    prevs := prevs || prev\073
    prev := audit_chain_hash(prev, c)\073
    hashes := hashes || prev\073
  END LOOP\073
  INSERT INTO audit_entries (id, "organizationId", seq, at, "actorType", "actorId", "actorLabel", "actorUserId", action, "targetType", "targetId", "targetLabel", changes, source, "requestId", ip, "importId", "eventId", "prevHash", hash)
  SELECT gen_random_uuid(), r."organizationId", r.seq, r.at, r."actorType", r."actorId", r."actorLabel", r."actorUserId", r.action, r."targetType", r."targetId", r."targetLabel", r.changes, r.source, r."requestId", r.ip, r."importId", r."eventId", u.prev, u.hash
  FROM unnest(rows_json, prevs, hashes) AS u(j, prev, hash) CROSS JOIN LATERAL jsonb_populate_record(NULL::audit_entries, u.j) AS r\073
  UPDATE audit_chain_heads SET seq = head_seq + n, hash = prev, "updatedAt" = now() WHERE "organizationId" = org\073
  RETURN head_seq + n\073
END'
;

-- Append-only in the database too: no UPDATE, DELETE or TRUNCATE of audit entries, whoever asks.
-- Retention and deleted organizations: entries have no foreign key to the organization, so they
-- outlive it, and removing any entry is an explicit act of a database owner (disable the trigger in
-- a maintenance session) — the app has no such code path.
-- The migration runner splits scripts at semicolons, so the one inside the body is written as the
-- octal escape 073 of an E'' string.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''audit_entries is append-only: % is not allowed'', TG_OP USING ERRCODE = ''42501''\073 END'
;

CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "audit_entries" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
