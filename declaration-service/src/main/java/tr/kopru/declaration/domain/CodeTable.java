package tr.kopru.declaration.domain;

import java.util.List;
import java.util.Optional;

/**
 * One code table of the customs declaration document: its codes and their Turkish descriptions. Codes are
 * authoritative; a description is what the code means, whatever a caller wrote beside it.
 *
 * @param name    how our API names the table (for example {@code carrier-types})
 * @param title   the document's Turkish heading
 * @param numeric whether the upstream expects its codes as JSON numbers
 */
public record CodeTable(String name, String title, boolean numeric, List<Code> codes) {

    /** A code and its Turkish description. */
    public record Code(String code, String description) {
    }

    public CodeTable {
        codes = List.copyOf(codes);
    }

    static CodeTable numeric(String name, String title, Object... codeThenDescription) {
        return new CodeTable(name, title, true, pairs(codeThenDescription));
    }

    static CodeTable text(String name, String title, Object... codeThenDescription) {
        return new CodeTable(name, title, false, pairs(codeThenDescription));
    }

    public Optional<Code> find(String code) {
        return codes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The codes, for an error message: {@code 1, 2, 3}. */
    public String codeList() {
        return String.join(", ", codes.stream().map(Code::code).toList());
    }

    private static List<Code> pairs(Object... codeThenDescription) {
        if (codeThenDescription.length % 2 != 0) {
            throw new IllegalArgumentException("codes and descriptions come in pairs");
        }
        Code[] codes = new Code[codeThenDescription.length / 2];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = new Code(String.valueOf(codeThenDescription[2 * i]), (String) codeThenDescription[2 * i + 1]);
        }
        return List.of(codes);
    }
}
