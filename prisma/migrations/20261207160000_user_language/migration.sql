-- Each user may choose the language of the admin (issue 16.7). Null follows the organization's locale, so nothing changes for existing users.
ALTER TABLE "users" ADD COLUMN "language" TEXT;
