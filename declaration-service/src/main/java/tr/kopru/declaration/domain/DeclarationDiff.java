package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which fields an update really changed, as JSON paths of leaves ({@code logistic.internal_carrier_type.name}).
 * Objects are compared field by field; a list is one value (the upstream replaces it whole).
 */
public final class DeclarationDiff {

    private DeclarationDiff() {
    }

    public static List<String> changedPaths(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        compare(before == null ? MissingNode.getInstance() : before, after, "", changed);
        return changed;
    }

    private static void compare(JsonNode before, JsonNode after, String path, List<String> changed) {
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(before.path(name), after.path(name), Findings.child(path, name), changed);
            }
        } else if (after.isObject() && !before.isObject()) {
            for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                compare(MissingNode.getInstance(), after.get(name), Findings.child(path, name), changed);
            }
            if (!before.isMissingNode() && !path.isEmpty()) {
                changed.add(path);
            }
        } else if (!before.equals(after)) {
            changed.add(path);
        }
    }
}
