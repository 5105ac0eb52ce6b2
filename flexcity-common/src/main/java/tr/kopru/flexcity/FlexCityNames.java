package tr.kopru.flexcity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spellings a FlexCity field name arrives in: OCR read a capital I as a lower-case l ({@code sbsMuhatapld}) or
 * dropped it ({@code bgsTahsilcmalDto}). The real name comes first.
 */
final class FlexCityNames {

    /** Field names are a few dozen constants: each one's spellings are worked out once. */
    private static final Map<String, List<String>> KNOWN = new ConcurrentHashMap<>();

    private FlexCityNames() {
    }

    static List<String> spellings(String name) {
        return KNOWN.computeIfAbsent(name, FlexCityNames::workOut);
    }

    private static List<String> workOut(String name) {
        if (name.indexOf('I') < 0) {
            return List.of(name);
        }
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(name);
        spellings.add(name.replace('I', 'l'));
        spellings.add(name.replace("I", ""));
        spellings.add(name.replace("Id", "ID"));
        return List.copyOf(spellings);
    }
}
