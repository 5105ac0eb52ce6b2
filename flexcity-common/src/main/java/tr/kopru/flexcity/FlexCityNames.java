package tr.kopru.flexcity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings a FlexCity field name arrives in: OCR read a capital I as a lower-case l ({@code sbsMuhatapld}) or
 * dropped it ({@code bgsTahsilcmalDto}). The real name comes first.
 */
final class FlexCityNames {

    private FlexCityNames() {
    }

    static List<String> spellings(String name) {
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
