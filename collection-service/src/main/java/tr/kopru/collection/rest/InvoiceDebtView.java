package tr.kopru.collection.rest;

import tr.kopru.collection.client.FlexCityInvoiceDebt;
import tr.kopru.model.Money;

import java.time.LocalDate;
import java.util.List;

/** One open invoice: what a collection of it must pay today (debt + late surcharge). */
public record InvoiceDebtView(String invoiceNumber, long declarationId, Long taxpayerId, String name, String service,
                              LocalDate dueDate, Money debt, Money lateSurcharge, Money total, List<Long> accrualIds) {

    static InvoiceDebtView of(FlexCityInvoiceDebt d) {
        return new InvoiceDebtView(d.faturaNo(), d.bgsBeyanId(), d.sbsMuhatapId(), d.isim(), d.servisAdi(),
                d.vadeTarihi(), Money.of(d.borcTutari()), Money.of(d.gecikmeZammi()), Money.of(d.toplam()),
                d.bgsTahakIdList());
    }
}
