package tr.kopru.runtime.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskerTest {

    @Test
    void masksNationalIdsAndTaxNumbersKeepingTheLastTwoDigits() {
        assertThat(PersonalDataMasker.mask("TCKN 10000000146, VKN 1234567890."))
                .isEqualTo("TCKN *********46, VKN ********90.");
    }

    @Test
    void masksPhoneNumbersInTheirCommonTurkishForms() {
        assertThat(PersonalDataMasker.mask("+90 532 123 45 67")).isEqualTo("+** *** *** ** 67");
        assertThat(PersonalDataMasker.mask("0532-123-45-67")).isEqualTo("****-***-**-67");
        assertThat(PersonalDataMasker.mask("tel:05321234567")).isEqualTo("tel:*********67");
    }

    @Test
    void masksEmailAddresses() {
        assertThat(PersonalDataMasker.mask("mail ayse.yilmaz@example.com.tr now"))
                .isEqualTo("mail a***@*** now");
    }

    @Test
    void leavesOtherNumbersDatesAndIdsAlone() {
        String text = "invoice 202611000000000077812001 desk 31 amount 845.60 on 2026-11-23T11:42:18Z id "
                + "0b6f3c1e-5d2a-4c7e-9a41-3f8e2d1c6b57 collection 90001234";
        assertThat(PersonalDataMasker.mask(text)).isEqualTo(text);
    }
}
