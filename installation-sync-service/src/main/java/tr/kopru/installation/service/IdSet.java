package tr.kopru.installation.service;

/**
 * A set of installation ids in one array of longs (open addressing, linear probing): a million ids cost 16 MB, not
 * the 60 MB of a {@code HashSet<Long>}. Not thread-safe; ids are positive (0 marks a free slot).
 */
final class IdSet {

    private long[] slots = new long[1 << 12];
    private int size;

    /** Adds {@code id}; answers whether it was new. */
    boolean add(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("installation ids are positive: " + id);
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int slot = slotOf(slots, id);
        if (slots[slot] == id) {
            return false;
        }
        slots[slot] = id;
        size++;
        return true;
    }

    boolean contains(long id) {
        return id > 0 && slots[slotOf(slots, id)] == id;
    }

    int size() {
        return size;
    }

    /** The slot holding {@code id}, or the free one where it would go. */
    private static int slotOf(long[] slots, long id) {
        int mask = slots.length - 1;
        int slot = (int) (mix(id) & mask);
        while (slots[slot] != 0 && slots[slot] != id) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (long id : slots) {
            if (id != 0) {
                larger[slotOf(larger, id)] = id;
            }
        }
        slots = larger;
    }

    /** Spreads consecutive ids (UTTS numbers them in order) over the table. */
    private static long mix(long id) {
        long x = id * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }
}
