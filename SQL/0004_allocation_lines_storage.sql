-- A run's lines are stored a row per member, each row four arrays of about as many elements
-- as the run has costs: a year's run on a large pole writes tens of megabytes of them.
-- Compressing them (pglz, by default) took most of the time of storing a run, for a third
-- of the space; they are stored out of line, uncompressed.
ALTER TABLE allocation_lines
    ALTER COLUMN cost_positions SET STORAGE EXTERNAL,
    ALTER COLUMN bases SET STORAGE EXTERNAL,
    ALTER COLUMN shares SET STORAGE EXTERNAL,
    ALTER COLUMN amounts_cents SET STORAGE EXTERNAL;
