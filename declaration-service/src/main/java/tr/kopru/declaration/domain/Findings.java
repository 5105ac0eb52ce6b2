package tr.kopru.declaration.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What validating an update found: errors (the update is refused) and warnings (it goes ahead), by JSON path. */
public final class Findings {

    /** Something worth telling the caller about a field that was accepted (for example, a name that was corrected). */
    public record Warning(String path, String message) {
    }

    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final List<Warning> warnings = new ArrayList<>();

    public void error(String path, String message) {
        errors.computeIfAbsent(path, p -> new ArrayList<>()).add(message);
    }

    public void warn(String path, String message) {
        warnings.add(new Warning(path, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    public List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    /** The path of a field inside an object at {@code parent} ({@code ""} at the root). */
    static String child(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }
}
