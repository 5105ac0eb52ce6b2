package tr.kopru.runtime.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the relay's next read starts. The relay deletes every row it has sent, and PostgreSQL removes the deleted
 * rows' index entries only when it vacuums: a read from the head of the outbox walks over all of them, so the relay
 * reads after the last position it sent.
 *
 * <p>Positions are taken when a row is inserted, not when it is committed: a transaction may commit position 100
 * after another one's 101 was sent. The positions a read skipped are kept as gaps, and reads start before the
 * oldest gap until it is filled (its row is sent) or has waited {@code gapWait}; after that a later commit into it is
 * left to the poll, which reads from the head once (see {@link #sweep}). A position that never commits (a rolled-back
 * transaction) is such a gap.
 *
 * <p>The relay runs one batch at a time; the poll asks for a sweep from its own thread.
 */
final class OutboxCursor {

    /** Positions {@code from..to} not seen by a read that went past them, and when that read happened. */
    private record Gap(long to, Instant since) {
    }

    private final Duration gapWait;
    private final TreeMap<Long, Gap> gaps = new TreeMap<>();
    private long sentThrough;
    private boolean sweep;

    OutboxCursor(Duration gapWait) {
        this.gapWait = gapWait;
    }

    /**
     * The next read takes the rows after this position: from the head when a sweep was asked for, else from before
     * the oldest gap still awaited, else after the last position sent.
     */
    synchronized long readAfter(Instant now) {
        gaps.values().removeIf(gap -> gap.since().plus(gapWait).isBefore(now));
        if (sweep) {
            sweep = false;
            return 0;
        }
        return floor();
    }

    /** Where reads start when no sweep is asked for: what lies after it is what the relay has still to send. */
    synchronized long floor() {
        return gaps.isEmpty() ? sentThrough : gaps.firstKey() - 1;
    }

    /** {@code positions} (in any order) were all sent and deleted. */
    synchronized void sent(List<Long> positions, Instant now) {
        for (long position : positions.stream().sorted().toList()) {
            if (position > sentThrough) {
                if (position > sentThrough + 1) {
                    gaps.put(sentThrough + 1, new Gap(position - 1, now));
                }
                sentThrough = position;
            } else {
                fill(position);
            }
        }
    }

    /** The next read starts from the head (the poll asks for it): it takes what committed into abandoned gaps. */
    synchronized void sweep() {
        sweep = true;
    }

    /** A gap's position was sent after all: the gap shrinks, or splits in two around it. */
    private void fill(long position) {
        Map.Entry<Long, Gap> entry = gaps.floorEntry(position);
        if (entry == null || entry.getValue().to() < position) {
            return;
        }
        long from = entry.getKey();
        Gap gap = entry.getValue();
        gaps.remove(from);
        if (from < position) {
            gaps.put(from, new Gap(position - 1, gap.since()));
        }
        if (position < gap.to()) {
            gaps.put(position + 1, gap);
        }
    }
}
