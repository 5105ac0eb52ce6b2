package tr.kopru.simulator.flexcity;

import java.util.Map;

/** A FlexCity result code other than success, with the document's message. */
public final class FlexCityError extends RuntimeException {

    /** The document's table of result codes ("%s" filled with the detail). */
    static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("0002", "%s Boş Geçilemez"),
            Map.entry("0003", "Uygulama Anahtarı Alınamadı"),
            Map.entry("0004", "Girilen %s bilgisi hatalı"),
            Map.entry("0005", "%s Kaydı Bulunamadı"),
            Map.entry("0006", "En az bir arama kriter seçilmeli"),
            Map.entry("0007", "Uygulama Kullanıcısı Alınamadı"),
            Map.entry("0103", "Borç Kaydı Bulunamadı"),
            Map.entry("0104", "bgsTahsilKaydiDto Alınamadı"),
            Map.entry("0106", "btsVezneId Alınamadı"),
            Map.entry("0112", "Vezne tanımı bulunamadı %s"),
            Map.entry("0115", "Tahsil Kaydı Bulunamadı. %s"),
            Map.entry("0116", "Tahsil Kaydı Daha Önce İptal Edilmiş. %s"),
            Map.entry("0117", "Geçmiş Tarihli Tahsil Kaydı İptal Edilemez. %s"),
            Map.entry("0118", "Başka Bir Veznenin Tahsil Kaydı İptal Edilemez. %s"),
            Map.entry("0121", "Vezne kullanıcı adı veya şifresi hatalı."),
            Map.entry("0124", "Beyan listesi boş geçilemez."),
            Map.entry("0125", "İlk Tarih ve Son Tarih Boş Olamaz"),
            Map.entry("0126", "Bolgeld ve TesisatNo boş Olamaz"),
            Map.entry("0127", "Muhatap Id boş olamaz."),
            Map.entry("0510", "Bankanızdan Tahsil Edilmiş"),
            Map.entry("0511", "Fatura No alanı boş olamaz."),
            Map.entry("0512", "Tahsil edilecek tutar ile sistemdeki tutar uyumsuz. Lütfen Tekrar borç sorgulayınız."),
            Map.entry("0513", "Fatura No alanı 24 karakter olmalı. Lütfen fatura numaranızı güncelleyiniz."),
            Map.entry("0530", "Bankanız Dışından Tahsil Edilmiş"),
            Map.entry("0531", "Tanımlı bir beyan bulunamadı."),
            Map.entry("0801", "Muhatap kaydı bulunamadı."),
            Map.entry("0900", "Genel rest servis hatası"));

    private final String code;

    public FlexCityError(String code, Object... detail) {
        super(MESSAGES.getOrDefault(code, "Hata %s").formatted(detail.length == 0 ? new Object[] {""} : detail).trim());
        this.code = code;
    }

    public String code() {
        return code;
    }
}
