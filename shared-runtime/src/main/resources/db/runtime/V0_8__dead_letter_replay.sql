-- Dead-lettered records sent back to their topic: once each, with who asked and when.
CREATE TABLE dead_letter_replay (
    dlq_topic    text        NOT NULL,
    dlq_partition integer    NOT NULL,
    dlq_offset   bigint      NOT NULL,
    actor        text        NOT NULL,
    replayed_at  timestamptz NOT NULL,
    PRIMARY KEY (dlq_topic, dlq_partition, dlq_offset)
);
