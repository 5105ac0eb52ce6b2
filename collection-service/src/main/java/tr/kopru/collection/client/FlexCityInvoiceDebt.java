package tr.kopru.collection.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An open invoice (fatura) of a declaration: what one collection pays. Built from FindBorcSorgu's accrual lines
 * (grouped by invoice) or FindAllBorcSorgu's BgsBorcSorguShortDto; the total is debt plus late surcharge.
 */
public record FlexCityInvoiceDebt(String faturaNo, long bgsBeyanId, Long sbsMuhatapId, String isim,
                                  String servisAdi, LocalDate vadeTarihi, BigDecimal borcTutari,
                                  BigDecimal gecikmeZammi, List<Long> bgsTahakIdList) {

    public BigDecimal toplam() {
        return borcTutari.add(gecikmeZammi);
    }
}
