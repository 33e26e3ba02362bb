-- Case files are stored as json (their text, validated) instead of jsonb (parsed into a binary form): no query looks
-- inside them with SQL, every reader parses them in Java, and writing jsonb cost about twice the server time of json
-- when a rebuild writes its 173,000 rows (docs/adr/0008-case-files-as-json-copied-at-rebuild.md). The compression
-- must be set again: changing a column's type resets it to the default (pglz).
alter table journey_state
    alter column case_file type json using case_file::json,
    alter column case_file set compression lz4;
alter table caseload
    alter column case_file type json using case_file::json,
    alter column case_file set compression lz4;
alter table outcome_facts
    alter column case_file type json using case_file::json,
    alter column case_file set compression lz4;
