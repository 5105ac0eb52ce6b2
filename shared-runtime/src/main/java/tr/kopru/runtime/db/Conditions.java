package tr.kopru.runtime.db;

import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's optional filters as SQL: only the filters given become conditions, numbered $1, $2, ... in order. A
 * catch-all {@code ($1 IS NULL OR column = $1)} would be planned once for every value (PostgreSQL's generic plan
 * after five executions), and that plan reads the whole table where an index would find the few rows asked for.
 */
public final class Conditions {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code sql} (its {@code ?} stands for the value, as often as it appears) unless {@code value} is null. */
    public Conditions and(String sql, Object value) {
        if (value != null) {
            parameters.add(value);
            conditions.add(sql.replace("?", "$" + parameters.size()));
        }
        return this;
    }

    /** " WHERE a AND b", or "" without conditions. */
    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The placeholder of the {@code n}-th parameter after the conditions' own (1 for the first). */
    public String after(int n) {
        return "$" + (parameters.size() + n);
    }

    /** The conditions' values, then {@code more}. */
    public Tuple tuple(Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(List.of(more));
        return Tuple.from(all);
    }
}
