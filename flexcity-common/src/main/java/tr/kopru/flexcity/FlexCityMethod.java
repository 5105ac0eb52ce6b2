package tr.kopru.flexcity;

/**
 * The documented methods with their paths under the institution's base URL. The document's OCR'd names
 * (Tahsilcmali) are not the real ones; a path can be overridden per deployment with
 * {@code kopru.flexcity.method-paths.<Method>}.
 */
public enum FlexCityMethod {
    FIND_TAXPAYERS("sbs/FindAllSbsMuhatapGenel"),
    FIND_DECLARATION("bgs/FindBgsBeyanDetayDto"),
    FIND_MERGED_TAXPAYERS("sbs/FindALLSbsBirlesenMuhatapBilgileriDtoByTarihAraligi"),
    FIND_DEBTS("bgs/FindBorcSorgu"),
    FIND_DEBTS_OF_DECLARATIONS("bgs/FindAllBorcSorgu"),
    COLLECT_BY_INVOICE("bgs/TahsilKaydiOlusturByFatura"),
    CHECK_CANCELLABLE("bgs/TahsilKaydiIptalEdilebilir"),
    CANCEL("bgs/TahsilKaydiIptalEt"),
    FIND_COLLECTION_BY_TRANSACTION("bgs/TahsilSorgulaByIslemNo"),
    DAILY_TOTALS("bgs/TahsilIcmali"),
    DAILY_RECEIPTS("bgs/TahsilIcmaliDetay"),
    FIND_SUBSCRIBER("ays/FindSicilAndBeyanIdByParameterDto"),
    FIND_SUBSCRIBER_BY_OLD_NUMBERS("ays/FindAysSozlesmeTesisatNoByAboneNoAndSicil");

    private final String defaultPath;

    FlexCityMethod(String defaultPath) {
        this.defaultPath = defaultPath;
    }

    public String defaultPath() {
        return defaultPath;
    }

    /** The upstream's name of the method, e.g. TahsilIcmali. */
    public String upstreamName() {
        return defaultPath.substring(defaultPath.indexOf('/') + 1);
    }
}
