package tr.kopru.flexcity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every result code of the FlexCity document's table, with its meaning as the document gives it. */
public enum FlexCityResultCode {
    SUCCESS("0000", "İşlem Başarılı"),
    USER_NOT_RECEIVED("0001", "Kullanıcı kaydı alınamadı."),
    REQUIRED_FIELD_EMPTY("0002", "%s Boş Geçilemez"),
    APPLICATION_KEY_NOT_RECEIVED("0003", "Uygulama Anahtarı Alınamadı"),
    FIELD_INVALID("0004", "Girilen %s bilgisi hatalı"),
    RECORD_NOT_FOUND("0005", "%s Kaydı Bulunamadı"),
    SEARCH_CRITERION_REQUIRED("0006", "En az bir arama kriter seçilmeli"),
    APPLICATION_USER_NOT_RECEIVED("0007", "Uygulama Kullanıcısı Alınamadı"),
    APPLICATION_USER_MISSING("0008", "Uygulama Kullanıcısı Yok"),
    DEBT_NOT_FOUND("0103", "Borç Kaydı Bulunamadı"),
    COLLECTION_DTO_MISSING("0104", "bgsTahsilKaydiDto Alınamadı"),
    COLLECTION_LINES_MISSING("0105", "listBgsTahsilDto Alınamadı"),
    DESK_ID_MISSING("0106", "btsVezneId Alınamadı"),
    COLLECTION_LINE_MISSING("0107", "bgsTahsilDto Alınamadı"),
    COLLECTION_AMOUNT_MISSING("0108", "Tahsil Tutarı Alınamadı"),
    ACCRUAL_ID_MISSING("0109", "bgsTahakId Alınamadı"),
    ACCRUAL_NOT_FOUND("0110", "bgsTahak kaydı bulunamadı. Id: %s"),
    AMOUNT_ABOVE_DEBT("0111", "Tahsil tutarı borç tutarından büyük olamaz. %s"),
    DESK_NOT_DEFINED("0112", "Vezne tanımı bulunamadı %s"),
    DESK_RECEIPT_NOT_DEFINED("0113", "Vezne makbuz tanımı bulunamadı %s"),
    DESK_NEEDS_NEW_RECEIPT_BOOK("0114", "Vezne için yeni makbuz tanımı yapılmalı %s"),
    COLLECTION_NOT_FOUND("0115", "Tahsil Kaydı Bulunamadı. %s"),
    ALREADY_CANCELLED("0116", "Tahsil Kaydı Daha Önce İptal Edilmiş. %s"),
    PAST_DAY_CANCEL("0117", "Geçmiş Tarihli Tahsil Kaydı İptal Edilemez. %s"),
    OTHER_DESK_CANCEL("0118", "Başka Bir Veznenin Tahsil Kaydı İptal Edilemez. %s"),
    TAXPAYER_ID_AND_NATIONAL_ID_BOTH_SET("0119", "Muhatap Id ve Tc Kimlik No aynı anda dolu olamaz."),
    NATIONAL_ID_AMBIGUOUS("0120", "Girilen TC Kimlik No ile ilgili birden fazla kayıt bulunmaktadır."),
    DESK_CREDENTIALS_WRONG("0121", "Vezne kullanıcı adı veya şifresi hatalı."),
    RELATED_RECORDS_NOT_SELECTED("0122", "Seçilen tahsilat kayıtlarının ilişkili kayıtları var. Lütfen hepsini seçiniz."),
    TAXPAYER_ID_AND_NATIONAL_ID_BOTH_EMPTY("0123", "Muhatap Id ve Tc Kimlik No aynı anda boş olamaz."),
    DECLARATION_LIST_EMPTY("0124", "Beyan listesi boş geçilemez."),
    DATES_REQUIRED("0125", "İlk Tarih ve Son Tarih Boş Olamaz"),
    REGION_AND_INSTALLATION_REQUIRED("0126", "BolgeId ve TesisatNo boş Olamaz"),
    TAXPAYER_ID_REQUIRED("0127", "Muhatap Id boş olamaz."),
    ALREADY_COLLECTED_BY_US("0510", "Bankanızdan Tahsil Edilmiş"),
    INVOICE_NUMBER_EMPTY("0511", "Fatura No alanı boş olamaz."),
    AMOUNT_MISMATCH("0512", "Tahsil edilecek tutar ile sistemdeki tutar uyumsuz. Lütfen Tekrar borç sorgulayınız."),
    INVOICE_NUMBER_LENGTH("0513", "Fatura No alanı 24 karakter olmalı. Lütfen fatura numaranızı güncelleyiniz."),
    INVOICE_NUMBER_TYPE_UNKNOWN("0514", "Fatura No tipi tespit edilemedi. Lütfen fatura numaranızı tekrar sorgulayınız."),
    COLLECTED_ELSEWHERE("0530", "Bankanız Dışından Tahsil Edilmiş"),
    DECLARATION_NOT_FOUND("0531", "Tanımlı bir beyan bulunamadı."),
    DATES_REQUIRED_TOTALS("0532", "İlk Tarih ve Son Tarih Boş Olamaz"),
    SERVICE_ID_REQUIRED("0533", "Servis Id boş olamaz"),
    DECLARATION_INCOMPLETE("0534", "Beyan kayıtlarında eksik bilgiler var"),
    TARIFF_ID_REQUIRED("0535", "Tarife Id boş olamaz"),
    YEAR_REQUIRED("0536", "Yıl boş olamaz"),
    RECEIPT_ALREADY_USED("0537", "Vezne makbuz daha önce kullanılmış"),
    TAXPAYER_NOT_FOUND("0801", "Muhatap kaydı bulunamadı."),
    GENERAL_ERROR("0900", "Genel rest servis hatası"),
    /** A code the document does not list. */
    UNLISTED("????", "Belgede olmayan sonuç kodu");

    /**
     * The documented refusals of a write: the request's input, our credentials or the invoice's state were found
     * wrong, so FlexCity did not carry it out. Every other code after a write (0001, 0900, an unlisted code, success
     * false without a code) leaves its outcome unknown, to be settled from FlexCity's own records.
     */
    private static final Set<FlexCityResultCode> NOT_DONE = EnumSet.of(REQUIRED_FIELD_EMPTY,
            APPLICATION_KEY_NOT_RECEIVED, FIELD_INVALID, APPLICATION_USER_NOT_RECEIVED, APPLICATION_USER_MISSING,
            DEBT_NOT_FOUND, COLLECTION_DTO_MISSING, COLLECTION_LINES_MISSING, DESK_ID_MISSING, COLLECTION_LINE_MISSING,
            COLLECTION_AMOUNT_MISSING, ACCRUAL_ID_MISSING, ACCRUAL_NOT_FOUND, AMOUNT_ABOVE_DEBT, DESK_NOT_DEFINED,
            DESK_RECEIPT_NOT_DEFINED, DESK_NEEDS_NEW_RECEIPT_BOOK, PAST_DAY_CANCEL, OTHER_DESK_CANCEL,
            DESK_CREDENTIALS_WRONG, RELATED_RECORDS_NOT_SELECTED, ALREADY_COLLECTED_BY_US, INVOICE_NUMBER_EMPTY,
            AMOUNT_MISMATCH, INVOICE_NUMBER_LENGTH, INVOICE_NUMBER_TYPE_UNKNOWN, COLLECTED_ELSEWHERE,
            DECLARATION_NOT_FOUND);

    private static final Map<String, FlexCityResultCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FlexCityResultCode::code, Function.identity()));

    private final String code;
    private final String meaning;

    FlexCityResultCode(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    /** The document's text for the code (with its %s left out). */
    public String meaning() {
        return meaning.replace("%s", "").replace(" .", ".").trim();
    }

    /** The code's constant; GNL_ISLEM_BASARILI (and an absent code) is success; unknown codes are UNLISTED. */
    public static FlexCityResultCode of(String code) {
        if (code == null || code.isBlank() || "GNL_ISLEM_BASARILI".equals(code.trim())) {
            return SUCCESS;
        }
        return BY_CODE.getOrDefault(code.trim(), UNLISTED);
    }

    /** Whether this answer to a write means FlexCity did not carry it out (see {@link #NOT_DONE}). */
    public boolean refusesWrite() {
        return NOT_DONE.contains(this);
    }

    /** "Not found" answers: an answer about the data, not a failure of the upstream. */
    public boolean isNotFound() {
        return this == RECORD_NOT_FOUND || this == DEBT_NOT_FOUND || this == COLLECTION_NOT_FOUND
                || this == DECLARATION_NOT_FOUND || this == TAXPAYER_NOT_FOUND || this == ACCRUAL_NOT_FOUND;
    }
}
