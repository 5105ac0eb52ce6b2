package tr.kopru.simulator.flexcity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.simulator.Json;
import tr.kopru.simulator.flexcity.FlexCityModel.Accrual;
import tr.kopru.simulator.flexcity.FlexCityModel.Declaration;
import tr.kopru.simulator.flexcity.FlexCityModel.Subscriber;
import tr.kopru.simulator.flexcity.FlexCityModel.Taxpayer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The taxpayer, declaration, merge, subscriber and debt look-ups of FlexCity, in the document's shapes. */
final class LookupMethods {

    private LookupMethods() {
    }

    static ObjectNode findTaxpayers(FlexCityInstitution inst, Form form) {
        String nationalId = form.text("tcKimlikNo");
        String taxNumber = form.text("vergiNo");
        if (nationalId == null && taxNumber == null) {
            throw new FlexCityError("0006");
        }
        ObjectNode result = Json.object();
        ArrayNode list = result.putArray("listSbsMuhatapGenelDto");
        inst.taxpayers.values().stream()
                .filter(t -> (nationalId != null && nationalId.equals(t.nationalId()))
                        || (taxNumber != null && taxNumber.equals(t.taxNumber())))
                .forEach(t -> list.add(taxpayer(t)));
        if (list.isEmpty()) {
            throw new FlexCityError("0801");
        }
        return result;
    }

    private static ObjectNode taxpayer(Taxpayer t) {
        ObjectNode node = Json.object().put("sbsMuhatapId", t.id()).put("isim", t.name());
        node.put("tcKimlikNo", t.nationalId()).put("vergiNo", t.taxNumber());
        node.put("babaAdi", t.fatherName()).put("anneAdi", t.motherName()).put("dogumYeri", t.birthPlace());
        node.put("dogumTarihi", FlexCityDates.legacy(t.birthDate()));
        return node;
    }

    static ObjectNode findDeclaration(FlexCityInstitution inst, Form form) {
        long id = form.requiredNumber("bgsBeyanId");
        Declaration d = inst.declarations.get(id);
        if (d == null) {
            throw new FlexCityError("0531");
        }
        ObjectNode result = Json.object();
        result.putObject("bgsBeyanDto").put("id", d.id()).put("sbsMuhatapId", d.taxpayerId())
                .put("sbsMuhatapSism", inst.taxpayers.get(d.taxpayerId()).name())
                .put("beyanTarihi", FlexCityDates.iso(d.declaredOn())).put("bgpServisId", d.serviceId())
                .put("beyanNo", d.id()).put("beyanSira", 1).putNull("emlakTuru")
                .put("bgsBeyanAdres", d.address()).put("tesisatNo", d.installationNo());
        return result;
    }

    static ObjectNode findMerges(FlexCityInstitution inst, Form form) {
        String first = form.text("ilkTarih");
        String last = form.text("sonTarih");
        if (first == null || last == null) {
            throw new FlexCityError("0125");
        }
        LocalDate from = FlexCityDates.parseDay(first, "ilkTarih");
        LocalDate to = FlexCityDates.parseDay(last, "sonTarih");
        ObjectNode result = Json.object();
        ArrayNode list = result.putArray("listSbsBirlesenMuhatapDto");
        inst.merges.stream().filter(m -> !m.date().isBefore(from) && !m.date().isAfter(to)).forEach(m ->
                list.addObject().put("islemTarihi", FlexCityDates.iso(m.date()))
                        .put("eskiSbsMuhatapId", m.oldTaxpayerId()).put("yeniSbsMuhatapId", m.newTaxpayerId())
                        .put("beyanId", m.declarationId()).put("durumu", m.status()));
        return result;
    }

    static ObjectNode findSubscriber(FlexCityInstitution inst, Form form) {
        String subscriberNo = form.required("aboneNo");
        String region = form.required("bolgeId");
        return subscribers(inst, s -> s.subscriberNo().equals(subscriberNo) && s.regionId().equals(region));
    }

    static ObjectNode findSubscriberByOldNumbers(FlexCityInstitution inst, Form form) {
        String oldRegistry = form.text("eskiSicil");
        String oldSubscriber = form.text("eskiAboneNo");
        String region = form.required("bolgeId");
        if (oldRegistry == null && oldSubscriber == null) {
            throw new FlexCityError("0006");
        }
        return subscribers(inst, s -> s.regionId().equals(region)
                && (oldRegistry == null || oldRegistry.equals(s.oldRegistryNo()))
                && (oldSubscriber == null || oldSubscriber.equals(s.oldSubscriberNo())));
    }

    private static ObjectNode subscribers(FlexCityInstitution inst, Predicate<Subscriber> match) {
        ObjectNode result = Json.object();
        ArrayNode list = result.putArray("aysTesisatNoSicilDto");
        inst.subscribers.stream().filter(match).forEach(s -> list.addObject()
                .put("sicil", String.valueOf(s.taxpayerId())).put("aboneNo", s.subscriberNo())
                .put("beyanId", String.valueOf(s.declarationId())));
        if (list.isEmpty()) {
            throw new FlexCityError("0005", "Abone");
        }
        return result;
    }

    /** FindBorcSorgu: open debt lines of a taxpayer or declaration; grouped per invoice when borcGruplu=true. */
    static ObjectNode findDebts(FlexCityInstitution inst, Form form, LocalDate today) {
        Long taxpayerId = form.number("sbsMuhatapId");
        Long declarationId = form.number("bgsBeyanId");
        if (taxpayerId == null && declarationId == null) {
            throw new FlexCityError("0127");
        }
        Long year = form.number("yil");
        Long serviceId = form.number("bgpServisId");
        boolean grouped = "true".equalsIgnoreCase(form.text("borcGruplu"));
        List<Accrual> open = inst.invoices.values().stream().flatMap(List::stream)
                .filter(a -> taxpayerId == null || a.taxpayerId() == taxpayerId)
                .filter(a -> declarationId == null || a.declarationId() == declarationId)
                .filter(a -> year == null || a.year() == year)
                .filter(a -> serviceId == null || a.serviceId() == serviceId)
                .filter(a -> !inst.isPaid(a.invoiceNumber())).toList();
        ObjectNode result = Json.object();
        ObjectNode dto = result.putObject("bgsBorcSorguDto");
        ArrayNode lines = dto.putArray("listBgsTahakDto");
        Map<Long, String> services = new TreeMap<>();
        Map<Long, String> incomeCodes = new TreeMap<>();
        if (grouped) {
            open.stream().map(Accrual::invoiceNumber).distinct().forEach(invoice -> {
                FlexCityInstitution.InvoiceAmount amount = inst.amountOf(invoice, today);
                Accrual first = amount.lines().get(0);
                lines.add(line(inst, first, amount.debt(), amount.surcharge()).put("faturaNo", invoice)
                        .put("bgpGelirkodAdi", first.serviceName()));
            });
        } else {
            open.forEach(a -> lines.add(line(inst, a, a.amount(), FlexCityInstitution.surcharge(a, today))
                    .put("faturaNo", a.invoiceNumber())));
        }
        open.forEach(a -> {
            services.put(a.serviceId(), a.serviceName());
            incomeCodes.put(a.incomeCodeId(), a.incomeCodeName());
        });
        ArrayNode years = dto.putArray("listYil");
        open.stream().map(Accrual::year).distinct().sorted().forEach(years::add);
        ArrayNode periods = dto.putArray("listDonem");
        open.stream().map(Accrual::period).distinct().sorted().forEach(periods::add);
        ObjectNode serviceMap = dto.putObject("mapBgpServis");
        services.forEach((id, name) -> serviceMap.put(String.valueOf(id), name));
        ObjectNode incomeMap = dto.putObject("mapBgpGelirkod");
        incomeCodes.forEach((id, name) -> incomeMap.put(String.valueOf(id), name));
        dto.putObject("mapBgsVergiKonusuGrup");
        dto.putObject("mapBgsVergiKonusu");
        return result;
    }

    private static ObjectNode line(FlexCityInstitution inst, Accrual a, BigDecimal debt, BigDecimal surcharge) {
        return Json.object().put("bgsTahakId", a.id()).put("isim", inst.taxpayers.get(a.taxpayerId()).name())
                .put("sbsMuhatapId", a.taxpayerId()).put("bgpServisId", a.serviceId())
                .put("bgpServisAdi", a.serviceName()).put("bgpGelirkodId", a.incomeCodeId())
                .put("bgpGelirkodAdi", a.incomeCodeName())
                .put("tahakkukTarihi", FlexCityDates.legacy(a.accruedOn()))
                .put("vadeTarihi", FlexCityDates.legacy(a.dueDate()))
                .put("yil", a.year()).put("donem", a.period())
                .put("borcTutari", debt).put("gecikmeZammi", surcharge)
                .put("tahsilEdilecekTutar", debt.add(surcharge)).put("kapamaTuru", "ACIK")
                .put("tahsilEdilecek", true).put("bgsBeyanId", a.declarationId());
    }

    /** FindAllBorcSorgu: per declaration, its open debts grouped by invoice. */
    static ObjectNode findDebtsOfDeclarations(FlexCityInstitution inst, Form form, LocalDate today) {
        List<Long> declarationIds = form.numbers("bgsBeyanIdList");
        if (declarationIds.isEmpty()) {
            throw new FlexCityError("0124");
        }
        ObjectNode result = Json.object();
        ArrayNode list = result.putArray("bgsBorcSorguShortDtoList");
        for (long declarationId : declarationIds) {
            Declaration declaration = inst.declarations.get(declarationId);
            if (declaration == null) {
                continue;
            }
            inst.invoicesOfDeclaration.getOrDefault(declarationId, List.of()).stream()
                    .filter(invoice -> !inst.isPaid(invoice))
                    .forEach(invoice -> {
                        FlexCityInstitution.InvoiceAmount amount = inst.amountOf(invoice, today);
                        ObjectNode item = list.addObject();
                        ArrayNode ids = item.putArray("bgsTahakIdList");
                        amount.lines().forEach(a -> ids.add(a.id()));
                        item.put("bgsBeyanId", declarationId)
                                .put("vadeTarihi", FlexCityDates.iso(amount.lines().get(0).dueDate()))
                                .put("faturaNo", invoice).put("borcTutari", amount.debt())
                                .put("gecikmeZammiTutari", amount.surcharge()).put("toplamBorc", amount.total())
                                .put("isim", inst.taxpayers.get(declaration.taxpayerId()).name())
                                .put("bgsBeyanAdres", declaration.address());
                    });
        }
        return result;
    }
}
