package tr.kopru.runtime.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A count the database keeps itself as rows change: statement triggers append to a tally table, grouped, what each
 * statement added (+n) or removed (-n) per key; reading a count sums the key's rows. Appends never wait for one
 * another, so writers do not queue on a shared counter row. {@link #fold()} now and then replaces the rows by one
 * per key ({@link TallyFolding} does, for every tally a service produces), exact under concurrent writes and folds: it moves only the rows its statement sees, and two folds never
 * move the same row (the second skips what the first deleted).
 *
 * @param table      the tally table
 * @param keys       its key columns
 * @param countColumn its column of counts
 */
public record Tally(String table, List<String> keys, String countColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public Tally {
        keys = List.copyOf(keys);
        Stream.concat(Stream.of(table, countColumn), keys.stream()).filter(name -> !IDENTIFIER.matcher(name).matches())
                .findFirst().ifPresent(name -> {
                    throw new IllegalArgumentException("not an SQL identifier: " + name);
                });
    }

    /** Folds the table; answers how many rows it holds afterwards. */
    public Uni<Long> fold(Pool pool) {
        String keyList = String.join(", ", keys);
        return pool.withTransaction(tx -> tx.query("WITH folded AS (DELETE FROM " + table + " RETURNING *) "
                        + "INSERT INTO " + table + " (" + keyList + ", " + countColumn + ") SELECT " + keyList
                        + ", sum(" + countColumn + ") FROM folded GROUP BY " + keyList + " HAVING sum(" + countColumn
                        + ") <> 0").execute())
                .chain(() -> pool.query("SELECT count(*) FROM " + table).execute())
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
