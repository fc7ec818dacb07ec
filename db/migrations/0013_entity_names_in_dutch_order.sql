-- Entity names sort the Dutch way everywhere, whatever the database's own collation (C on PGlite,
-- C.UTF-8 or en_US on a server): "agentschap" beside "Agentschap", "Économie" beside "Eco". The
-- application sorts in TypeScript with Intl.Collator("nl-BE"), the same ICU rules.
CREATE COLLATION IF NOT EXISTS "apb_nl_be" (provider = icu, locale = 'nl-BE');
--> statement-breakpoint
ALTER TABLE "entities" ALTER COLUMN "name" TYPE text COLLATE "apb_nl_be";
