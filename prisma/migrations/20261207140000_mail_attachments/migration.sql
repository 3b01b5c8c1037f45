-- Mail attachments (issue 16.9): the files a message carries, stored with it for the Outbox and retries.
ALTER TABLE "mail_messages" ADD COLUMN "attachments" JSONB;
