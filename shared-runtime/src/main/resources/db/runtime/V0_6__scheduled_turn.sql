-- When each scheduled job last took its turn, so that a job every replica schedules runs once per interval across
-- them (see ScheduledTurns); a replica that dies leaves the next turn to the others.
CREATE TABLE scheduled_turn (
    job      text PRIMARY KEY,
    taken_at timestamptz NOT NULL
);
