-- Case files (~3 KB of JSON each) are compressed when stored (TOAST). lz4 compresses them about as well as the
-- default pglz at a fraction of the CPU: writing the case files of a rebuild took ~1.8x less time in a
-- measurement on this machine (docs/benchmarks.md). Rows already stored keep their compression until rewritten.
-- Rebuild copies (create table ... (like ... including all)) inherit the setting.
alter table journey_state alter column case_file set compression lz4;
alter table caseload alter column case_file set compression lz4;
alter table outcome_facts alter column case_file set compression lz4;
