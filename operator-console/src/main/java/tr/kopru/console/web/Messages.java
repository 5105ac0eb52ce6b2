package tr.kopru.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's words, in Turkish; {@code msg_en.properties} has them in English. Templates write {@code {msg:…}}.
 */
@MessageBundle(value = "msg", locale = "tr")
public interface Messages {

    @Message("Köprü operasyon konsolu")
    String console();

    @Message("Bugün")
    String navToday();

    @Message("Dikkat gerekenler")
    String navAttention();

    @Message("Mutabakat")
    String navReconciliation();

    @Message("Senkronizasyon")
    String navSync();

    @Message("Olay kuyrukları")
    String navEvents();

    @Message("Çıkış")
    String signOut();

    @Message("Giriş")
    String signIn();

    @Message("Kullanıcı adı")
    String username();

    @Message("Parola")
    String password();

    @Message("Kullanıcı adı veya parola yanlış.")
    String wrongPassword();

    @Message("izleyici")
    String roleViewer();

    @Message("operatör")
    String roleOperator();

    @Message("Kurum")
    String institution();

    @Message("Vezne")
    String desk();

    @Message("Gün")
    String day();

    @Message("Bizim tahsilat")
    String ourCollected();

    @Message("FlexCity tahsilat")
    String theirCollected();

    @Message("Bizim iptal")
    String ourCancelled();

    @Message("FlexCity iptal")
    String theirCancelled();

    @Message("Mutabakat durumu")
    String reconciliationState();

    @Message("henüz çalışmadı")
    String notRunYet();

    @Message("Son 30 gün: bizim günlük tahsilatımız ve FlexCity'ninki")
    String chartTitle();

    @Message("bizim")
    String ours();

    @Message("FlexCity")
    String theirs();

    @Message("Henüz mutabakatı yapılmış bir vezne yok: ilk günlük mutabakattan sonra veznelerin günü burada "
            + "görünür.")
    String noDesks();

    @Message("Sonucu bilinmeyen veya operatör bekleyen tahsilatlar (en eskisi önce)")
    String attentionCollections();

    @Message("Şu an dikkat gerektiren tahsilat yok: her tahsilatın sonucu belli.")
    String noAttention();

    @Message("Durum")
    String state();

    @Message("Tutar")
    String amount();

    @Message("İşlem no")
    String transaction();

    @Message("Oluşturulma")
    String created();

    @Message("FlexCity'ye şimdi sor")
    String askNow();

    @Message("Elle sonuçlandır")
    String settle();

    @Message("Gerekçe")
    String reason();

    @Message("TAHSİL EDİLDİ (FlexCity kaydı olmalı)")
    String settleCollected();

    @Message("REDDEDİLDİ (FlexCity'de kayıt olmamalı)")
    String settleRejected();

    @Message("Geçmiş")
    String history();

    @Message("FlexCity'nin reddettiği otomatik ödeme denemeleri")
    String failedAutoPay();

    @Message("Reddedilen otomatik ödeme yok.")
    String noFailedAutoPay();

    @Message("Başarısız gümrük beyanı güncellemeleri")
    String failedDeclarations();

    @Message("Başarısız güncelleme yok.")
    String noFailedDeclarations();

    @Message("Beyanname")
    String declaration();

    @Message("Neden")
    String failure();

    @Message("Mutabakat çalışmaları")
    String runs();

    @Message("Bu süzgece uyan mutabakat çalışması yok.")
    String noRuns();

    @Message("Sonuç")
    String result();

    @Message("Fark")
    String discrepancies();

    @Message("Süzgeç")
    String filter();

    @Message("Aç")
    String open();

    @Message("Yeniden çalıştır")
    String runAgain();

    @Message("CSV indir")
    String downloadCsv();

    @Message("Farklar")
    String discrepancyList();

    @Message("Bu çalışmada fark yok.")
    String noDiscrepancies();

    @Message("Tür")
    String category();

    @Message("Ayrıntı")
    String detail();

    @Message("İşlem")
    String handling();

    @Message("Not")
    String note();

    @Message("Gördüm, inceleniyor")
    String acknowledge();

    @Message("Çözüldü")
    String resolve();

    @Message("UTTS senkronizasyonları")
    String syncRuns();

    @Message("Talimat taramaları")
    String scanRuns();

    @Message("Henüz çalışma yok.")
    String noRunsYet();

    @Message("Hesap")
    String account();

    @Message("Başladı")
    String started();

    @Message("Bitti")
    String finished();

    @Message("İlerleme")
    String progress();

    @Message("{pages}/{totalPages} sayfa · {seen} kayıt · {fresh} yeni · {changed} değişen")
    String syncProgress(Object pages, Object totalPages, Object seen, Object fresh, Object changed);

    @Message("{scanned}/{total} talimat · {debts} borç bulundu · {started} tahsilat başladı · "
            + "{failed} başarısız")
    String scanProgress(Object scanned, Object total, Object debts, Object started, Object failed);

    @Message("Reddedilen kayıt")
    String rejected();

    @Message("Bu çalışma hiçbir kaydı reddetmedi.")
    String noRejected();

    @Message("Çalışan bir iş var: sayfa her 3 saniyede yenilenir.")
    String liveProgress();

    @Message("Önceki")
    String previous();

    @Message("Sonraki")
    String next();

    @Message("{total} kayıttan {from}–{to}")
    String pageOf(long total, long from, long to);

    @Message("Bu işlem için yetkiniz yok.")
    String forbidden();

    @Message("Böyle bir sayfa yok; adresi ya da süzgeçteki değerleri denetleyin.")
    String notFound();

    @Message("{service} şu an yanıt vermiyor; biraz sonra yeniden deneyin.")
    String unreachable(String service);

    @Message("Tüketicilerin bir kenara ayırdığı kayıtlar (en yenisi önce)")
    String deadLetters();

    @Message("Hiçbir tüketici kayıt ayırmadı: her olay işlendi.")
    String noDeadLetters();

    @Message("Konu")
    String topic();

    @Message("Geldiği yer")
    String origin();

    @Message("Olay")
    String event();

    @Message("Konusuna geri gönder")
    String replay();

    @Message("Tüketiciler idempotent; bu kaydı bir kez geri göndermek istiyorum")
    String replayConfirm();

    @Message("Geri gönderilmedi: onay kutusu işaretlenmemişti.")
    String replayNotConfirmed();

    @Message("Geri gönderildi")
    String replayed();

    @Message("English")
    String otherLanguage();
}
