-- Protected plugins (issue 15.4): who disabled a plugin and why, kept while it is disabled.
ALTER TABLE "plugin_installations" ADD COLUMN "disabledBy" TEXT, ADD COLUMN "disabledReason" TEXT;
