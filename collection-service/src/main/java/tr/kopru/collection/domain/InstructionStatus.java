package tr.kopru.collection.domain;

/** ACTIVE instructions are scanned; PAUSED ones wait; DELETED ones are kept for the record only. */
public enum InstructionStatus {
    ACTIVE,
    PAUSED,
    DELETED
}
