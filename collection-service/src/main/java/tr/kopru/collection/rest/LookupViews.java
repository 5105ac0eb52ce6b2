package tr.kopru.collection.rest;

import tr.kopru.collection.client.FlexCityDeclaration;
import tr.kopru.collection.client.FlexCitySubscriber;
import tr.kopru.collection.client.FlexCityTaxpayer;

import java.time.LocalDate;

/** FlexCity's look-up answers in our API's words. */
final class LookupViews {

    private LookupViews() {
    }

    record TaxpayerView(long taxpayerId, String name, String nationalId, String taxNumber, String fatherName,
                        String motherName, String birthPlace, LocalDate birthDate) {

        static TaxpayerView of(FlexCityTaxpayer t) {
            return new TaxpayerView(t.sbsMuhatapId(), t.isim(), t.tcKimlikNo(), t.vergiNo(), t.babaAdi(), t.anneAdi(),
                    t.dogumYeri(), t.dogumTarihi());
        }
    }

    record DeclarationView(long declarationId, Long taxpayerId, String taxpayerName, LocalDate declaredOn,
                           Long serviceId, Long declarationNo, String address, String installationNo) {

        static DeclarationView of(FlexCityDeclaration d) {
            return new DeclarationView(d.id(), d.sbsMuhatapId(), d.sbsMuhatapIsim(), d.beyanTarihi(), d.bgpServisId(),
                    d.beyanNo(), d.bgsBeyanAdres(), d.tesisatNo());
        }
    }

    record SubscriberView(String subscriberNo, Long taxpayerId, Long declarationId) {

        static SubscriberView of(FlexCitySubscriber s) {
            return new SubscriberView(s.aboneNo(), s.taxpayerId(), s.declarationId());
        }
    }
}
