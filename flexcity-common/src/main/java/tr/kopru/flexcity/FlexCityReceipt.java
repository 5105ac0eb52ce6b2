package tr.kopru.flexcity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * BgsTahsilSonucMakbuzDto: the receipt (makbuz) of a booked collection; its amount is the sum of its lines. What
 * collecting, TahsilSorgulaByIslemNo and TahsilIcmaliDetay all answer, inside a BgsTahsilSonucDto; read in one way,
 * by {@link FlexCityReceiptList}.
 */
public record FlexCityReceipt(long bgsTahsilGenelId, String islemNo, String vezneAdi, String seriNo, Long makbuzNo,
                              LocalDate tahsilTarihi, BigDecimal tutar) {

    /** The receipts of an answer already read as a tree (short answers: a collection, a look-up by islemNo). */
    public static List<FlexCityReceipt> listFrom(FlexCityAnswer answer) {
        return FlexCityReceiptList.of(answer).receiptsOrThrow();
    }
}
