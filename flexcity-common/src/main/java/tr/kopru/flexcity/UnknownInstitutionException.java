package tr.kopru.flexcity;

/** A request named an institution this deployment has no FlexCity configuration for. */
public class UnknownInstitutionException extends RuntimeException {

    private final String institution;

    public UnknownInstitutionException(String institution) {
        super("unknown institution '" + institution + "'");
        this.institution = institution;
    }

    public String institution() {
        return institution;
    }
}
