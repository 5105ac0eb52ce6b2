-- Which round of which replica holds a delivery's lease: only the holder sends the update or records its outcome.
ALTER TABLE delivery ADD COLUMN lease_token uuid;
-- When a try of this update last went unanswered (a timeout, a dropped connection): such a PUT may still land at
-- customs, so no later update of the declaration is sent until kopru.declaration.delivery.late-landing-window after.
ALTER TABLE delivery ADD COLUMN last_unanswered_at timestamptz;
