package tr.kopru.simulator.flexcity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.simulator.Json;
import tr.kopru.simulator.SimulatorClock;
import tr.kopru.simulator.flexcity.FlexCityModel.Collection;
import tr.kopru.simulator.flexcity.FlexCityModel.ReceiptLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Collecting, cancelling and querying collections, and the daily totals (icmal) computed from them. */
final class CollectionMethods {

    private CollectionMethods() {
    }

    /** TahsilKaydiOlusturByFatura: {@code bgsTahsilKaydiDto} is a JSON string inside the form. */
    static ObjectNode collect(FlexCityInstitution inst, Form form, SimulatorClock clock) {
        JsonNode dto = Json.parse(form.text("bgsTahsilKaydiDto"));
        if (dto == null || !dto.isObject()) {
            throw new FlexCityError("0104");
        }
        if (!dto.hasNonNull("btsVezneId")) {
            throw new FlexCityError("0106");
        }
        long deskId = dto.path("btsVezneId").asLong();
        LocalDate day = dto.hasNonNull("tahsilTarihi")
                ? FlexCityDates.parseDay(dto.path("tahsilTarihi").asText(), "tahsilTarihi") : clock.today();
        BigDecimal amount = Form.decimal(dto.hasNonNull("toplamTutar") ? dto.path("toplamTutar").asText() : null,
                "toplamTutar");
        Collection collection = inst.collect(deskId, dto.path("btsVezneSifre").asText(null),
                dto.path("faturaNo").asText(null), amount, dto.hasNonNull("islemNo") ? dto.path("islemNo").asText() : null,
                day, clock.now());
        ObjectNode result = Json.object();
        result.set("bgsTahsilSonucDto", receipts(inst, List.of(collection)));
        return result;
    }

    static ObjectNode checkCancellable(FlexCityInstitution inst, Form form, SimulatorClock clock) {
        inst.checkCancellable(form.number("bgsTahsilGenelId"), form.text("islemNo"),
                form.requiredNumber("btsVezneId"), clock.today());
        return Json.object();
    }

    static ObjectNode cancel(FlexCityInstitution inst, Form form, SimulatorClock clock) {
        inst.cancel(form.number("bgsTahsilGenelId"), form.text("islemNo"), form.requiredNumber("btsVezneId"),
                clock.today());
        return Json.object();
    }

    static ObjectNode findByTransactionNo(FlexCityInstitution inst, Form form) {
        long deskId = form.requiredNumber("btsVezneId");
        Collection collection = inst.find(null, form.required("islemNo"), deskId);
        ObjectNode result = Json.object();
        result.set("bgsTahsilSonucDto", receipts(inst, List.of(collection)));
        return result;
    }

    /** TahsilIcmali: collected (still standing) and cancelled totals of a desk over the collection days given. */
    static ObjectNode dailyTotals(FlexCityInstitution inst, Form form) {
        List<Collection> collections = collectionsInRange(inst, form);
        List<Collection> standing = collections.stream().filter(c -> !c.cancelled()).toList();
        List<Collection> cancelled = collections.stream().filter(Collection::cancelled).toList();
        ObjectNode result = Json.object();
        result.putObject("bgsTahsilIcmalDto")
                .put("tahsilEdilenTutar", sum(standing)).put("tahsilAdedi", standing.size())
                .put("iptalEdilenTutar", sum(cancelled)).put("iptalAdedi", cancelled.size())
                .put("islemBasarili", true);
        return result;
    }

    /** TahsilIcmaliDetay: the receipts of the collections that stand (not cancelled). */
    static ObjectNode dailyReceipts(FlexCityInstitution inst, Form form) {
        List<Collection> standing = collectionsInRange(inst, form).stream().filter(c -> !c.cancelled()).toList();
        ObjectNode result = Json.object();
        result.set("bgsTahsilSonucDto", receipts(inst, standing));
        return result;
    }

    private static List<Collection> collectionsInRange(FlexCityInstitution inst, Form form) {
        String first = form.text("ilkTarih");
        String last = form.text("sonTarih");
        if (first == null || last == null) {
            throw new FlexCityError("0125");
        }
        long deskId = form.requiredNumber("btsVezneId");
        inst.desk(deskId, null);
        return inst.collectionsOf(deskId, FlexCityDates.parseDay(first, "ilkTarih"),
                FlexCityDates.parseDay(last, "sonTarih"));
    }

    private static BigDecimal sum(List<Collection> collections) {
        return collections.stream().map(Collection::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static ObjectNode receipts(FlexCityInstitution inst, List<Collection> collections) {
        ObjectNode dto = Json.object();
        ArrayNode list = dto.putArray("listBgsTahsilSonucMakbuzDto");
        for (Collection c : collections) {
            ObjectNode receipt = list.addObject()
                    .put("vezneAdi", inst.desks.get(c.deskId()).name()).put("isim", c.payerName())
                    .put("odemeTuru", "Internet").put("seriNo", c.receiptSerial()).put("makbuzNo", c.receiptNo())
                    .put("tahsilTarihi", FlexCityDates.iso(c.collectionDate()))
                    .put("bgsTahsilGenelId", c.id()).put("islemNo", c.transactionNo());
            ArrayNode lines = receipt.putArray("listBgsTahsilSonucMakbuzDetayDto");
            for (ReceiptLine line : c.lines()) {
                ObjectNode node = lines.addObject().put("servisAdi", line.serviceName())
                        .put("gelirkodAdi", line.incomeCodeName()).put("yil", line.year()).put("donem", line.period())
                        .put("tutar", line.amount()).put("faturaNo", line.invoiceNumber())
                        .put("bgsBeyanId", line.declarationId()).put("sbsMuhatapId", line.taxpayerId());
                if (line.accrualId() == null) {
                    node.putNull("bgsTahakId");
                } else {
                    node.put("bgsTahakId", line.accrualId());
                }
                node.put("vadeTarihi", FlexCityDates.iso(line.dueDate()));
            }
        }
        dto.put("islemBasarili", true).put("resultCode", "GNL_ISLEM_BASARILI").putNull("extraMessage")
                .put("resultMessage", "İşlem Başarılı");
        return dto;
    }
}
