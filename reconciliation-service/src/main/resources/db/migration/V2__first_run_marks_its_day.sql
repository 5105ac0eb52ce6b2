-- A day's first run marks the day before it reads (last_run_id still null), so that a payment event arriving while
-- the run is in progress finds the row and marks it stale; until then nothing marked days never reconciled.
ALTER TABLE reconciled_day ALTER COLUMN last_run_id DROP NOT NULL;
