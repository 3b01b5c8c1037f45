-- Masking of appointment fields (the audit setting maskedAppointmentFields, default notes: free-text
-- clinical detail), applied like maskedPatientFields, in the appending statement itself, before the
-- entry is stored or hashed. No schema change: audit_append is replaced with the same signature.
--   default_masked  now an object: {"maskedPatientFields": [...], "maskedAppointmentFields": [...]}
--                   (the settings' defaults, used for a key the organization has not saved)
--   an entry's "mask" key  {"kind": "patient", "labels": {...}} (changes and label masked by the
--                   patient setting) or {"kind": "appointment"} (changes masked by the appointment
--                   setting, and the label, which shows time and provider, becomes "Appointment"
--                   when startsAt or provider is masked)
-- The hash definition (audit_entry_content) is unchanged, so existing chains verify as before.
-- (Body in an E'' string: the runner splits at semicolons, written as octal 073.)
CREATE OR REPLACE FUNCTION audit_append(org uuid, entries jsonb, default_masked jsonb) RETURNS bigint LANGUAGE plpgsql AS E'DECLARE
  head_seq bigint\073
  prev text\073
  masked jsonb\073
  masked_appt jsonb\073
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
  masked := COALESCE((SELECT s.value FROM plugin_settings s WHERE s."organizationId" = org AND s."pluginId" = ''audit'' AND s.key = ''maskedPatientFields''), default_masked->''maskedPatientFields'', ''[]''::jsonb)\073
  masked_appt := COALESCE((SELECT s.value FROM plugin_settings s WHERE s."organizationId" = org AND s."pluginId" = ''audit'' AND s.key = ''maskedAppointmentFields''), default_masked->''maskedAppointmentFields'', ''[]''::jsonb)\073
  SELECT array_agg(p.j ORDER BY p.ord), array_agg(audit_entry_content(p.j)::text ORDER BY p.ord) INTO rows_json, contents
  FROM (
    SELECT x.ord, (x.e - ''mask'') || jsonb_build_object(
      ''organizationId'', org, ''seq'', head_seq + x.ord, ''at'', at_text,
      ''changes'', CASE
        WHEN NOT x.e ? ''mask'' THEN x.e->''changes''
        WHEN x.e->''mask''->>''kind'' = ''appointment'' THEN audit_mask_changes(x.e->''changes'', masked_appt)
        ELSE audit_mask_changes(x.e->''changes'', masked) END,
      ''targetLabel'', CASE WHEN NOT x.e ? ''mask'' THEN x.e->''targetLabel''
        WHEN x.e->''mask''->>''kind'' = ''appointment'' THEN CASE WHEN masked_appt ?| ARRAY[''startsAt'', ''provider''] THEN to_jsonb(''Appointment''::text) ELSE x.e->''targetLabel'' END
        ELSE x.e->''mask''->''labels''->(CASE
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
