-- Each organization writes dates, numbers and money in its own locale (issue 16.7). Existing ones keep en-US, as before.
ALTER TABLE "organizations" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en-US';
