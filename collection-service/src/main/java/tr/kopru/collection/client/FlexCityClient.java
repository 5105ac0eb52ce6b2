package tr.kopru.collection.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.flexcity.DeskDayForm;
import tr.kopru.flexcity.FlexCityAnswer;
import tr.kopru.flexcity.FlexCityConfig;
import tr.kopru.flexcity.FlexCityDates;
import tr.kopru.flexcity.FlexCityMethod;
import tr.kopru.flexcity.FlexCityReceipt;
import tr.kopru.flexcity.FlexCityRejectedException;
import tr.kopru.flexcity.FlexCityTransport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static tr.kopru.flexcity.FlexCityAnswer.amount;
import static tr.kopru.flexcity.FlexCityAnswer.day;
import static tr.kopru.flexcity.FlexCityAnswer.list;
import static tr.kopru.flexcity.FlexCityAnswer.number;
import static tr.kopru.flexcity.FlexCityAnswer.text;

/**
 * The collection service's FlexCity calls, typed. "Not found" answers are empty results, not failures; any other
 * result code is a {@link FlexCityRejectedException}; no answer at all is a
 * {@link tr.kopru.flexcity.FlexCityUnavailableException} (reads are tried again first, writes never).
 */
@ApplicationScoped
public class FlexCityClient {

    private final FlexCityTransport transport;
    private final ObjectMapper json = new ObjectMapper();

    public FlexCityClient(FlexCityTransport transport) {
        this.transport = transport;
    }

    public FlexCityConfig.Institution institution(String code) {
        return transport.institution(code);
    }

    public Uni<List<FlexCityTaxpayer>> taxpayers(String institution, String nationalId, String taxNumber) {
        return readList(institution, FlexCityMethod.FIND_TAXPAYERS, form("tcKimlikNo", nationalId, "vergiNo", taxNumber),
                "listSbsMuhatapGenelDto", FlexCityTaxpayer::from);
    }

    public Uni<Optional<FlexCityDeclaration>> declaration(String institution, long declarationId) {
        return read(institution, FlexCityMethod.FIND_DECLARATION, form("bgsBeyanId", declarationId))
                .map(answer -> answer.map(a -> FlexCityDeclaration.from(a.get("bgsBeyanDto"))));
    }

    /** FindBorcSorgu (grouped per invoice) of a taxpayer or a declaration. */
    public Uni<List<FlexCityInvoiceDebt>> debts(String institution, Long taxpayerId, Long declarationId) {
        return read(institution, FlexCityMethod.FIND_DEBTS, form("sbsMuhatapId", taxpayerId, "yil", null,
                "bgpGelirkodId", null, "donem", null, "bgsVergiKonusuId", null, "bgpServisId", null,
                "bgsBeyanId", declarationId, "borcGruplu", true))
                .map(answer -> answer.map(a -> byInvoice(list(a.get("bgsBorcSorguDto"), "listBgsTahakDto")))
                        .orElse(List.of()));
    }

    /** FindAllBorcSorgu: the open invoices of many declarations in one call. */
    public Uni<List<FlexCityInvoiceDebt>> debtsOfDeclarations(String institution, List<Long> declarationIds) {
        String ids = declarationIds.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        return readList(institution, FlexCityMethod.FIND_DEBTS_OF_DECLARATIONS, form("bgsBeyanIdList", ids),
                "bgsBorcSorguShortDtoList", node -> new FlexCityInvoiceDebt(text(node, "faturaNo"),
                        number(node, "bgsBeyanId"), number(node, "sbsMuhatapId"), text(node, "isim"), null,
                        day(node, "vadeTarihi"), zeroIfNull(amount(node, "borcTutari")),
                        zeroIfNull(amount(node, "gecikmeZammiTutari")),
                        list(node, "bgsTahakIdList").stream().map(JsonNode::asLong).toList()));
    }

    public Uni<List<FlexCitySubscriber>> subscriber(String institution, String subscriberNo, String regionId) {
        return readList(institution, FlexCityMethod.FIND_SUBSCRIBER, form("aboneNo", subscriberNo, "bolgeId", regionId),
                "aysTesisatNoSicilDto", FlexCitySubscriber::from);
    }

    public Uni<List<FlexCitySubscriber>> subscriberByOldNumbers(String institution, String oldRegistryNo,
                                                               String oldSubscriberNo, String regionId) {
        return readList(institution, FlexCityMethod.FIND_SUBSCRIBER_BY_OLD_NUMBERS,
                form("eskiSicil", oldRegistryNo, "eskiAboneNo", oldSubscriberNo, "bolgeId", regionId),
                "aysTesisatNoSicilDto", FlexCitySubscriber::from);
    }

    public Uni<List<FlexCityMerge>> merges(String institution, LocalDate from, LocalDate to) {
        return readList(institution, FlexCityMethod.FIND_MERGED_TAXPAYERS,
                form("ilkTarih", FlexCityDates.startOf(from), "sonTarih", FlexCityDates.endOf(to)),
                "listSbsBirlesenMuhatapDto", FlexCityMerge::from);
    }

    /** TahsilKaydiOlusturByFatura, sent once: the receipt, a rejection, or no answer (outcome unknown). */
    public Uni<FlexCityReceipt> collect(String institution, String transactionNumber, String invoiceNumber,
                                        BigDecimal amount, LocalDate paidOn) {
        FlexCityConfig.Institution config = transport.institution(institution);
        ObjectNode dto = json.createObjectNode()
                .put("islemNo", transactionNumber)
                .put("btsVezneId", config.deskId())
                .put("btsVezneSifre", config.deskPassword())
                .put("tahsilTarihi", FlexCityDates.startOf(paidOn))
                .put("faturaNo", invoiceNumber)
                .put("toplamTutar", amount.toPlainString());
        return transport.write(institution, FlexCityMethod.COLLECT_BY_INVOICE, form("bgsTahsilKaydiDto", dto.toString()))
                .map(answer -> receipts(answer.orThrow()).stream().findFirst().orElseThrow(() ->
                        new tr.kopru.flexcity.FlexCityProtocolException("FlexCity booked the collection "
                                + transactionNumber + " without a receipt")));
    }

    /** TahsilSorgulaByIslemNo: the receipt of our transaction number on our desk, if FlexCity has one. */
    public Uni<Optional<FlexCityReceipt>> collectionByTransaction(String institution, String transactionNumber) {
        long desk = transport.institution(institution).deskId();
        return read(institution, FlexCityMethod.FIND_COLLECTION_BY_TRANSACTION,
                form("islemNo", transactionNumber, "btsVezneId", desk))
                .map(answer -> answer.flatMap(a -> receipts(a).stream().findFirst()));
    }

    /** TahsilIcmaliDetay: the receipts that stand (not cancelled) on a desk on one collection day. */
    public Uni<List<FlexCityReceipt>> dailyReceipts(String institution, long deskId, LocalDate day) {
        return transport.readReceipts(institution, FlexCityMethod.DAILY_RECEIPTS, DeskDayForm.of(deskId, day));
    }

    /** TahsilKaydiIptalEdilebilir: nothing when the collection may be cancelled, else the rejection. */
    public Uni<Void> checkCancellable(String institution, long upstreamCollectionId, String transactionNumber) {
        return transport.read(institution, FlexCityMethod.CHECK_CANCELLABLE, cancelForm(institution,
                        upstreamCollectionId, transactionNumber))
                .invoke(FlexCityAnswer::orThrow).replaceWithVoid();
    }

    /** TahsilKaydiIptalEt, sent once. */
    public Uni<Void> cancel(String institution, long upstreamCollectionId, String transactionNumber) {
        return transport.write(institution, FlexCityMethod.CANCEL, cancelForm(institution, upstreamCollectionId,
                        transactionNumber))
                .invoke(FlexCityAnswer::orThrow).replaceWithVoid();
    }

    private Map<String, String> cancelForm(String institution, long upstreamCollectionId, String transactionNumber) {
        return form("islemNo", transactionNumber, "bgsTahsilGenelId", upstreamCollectionId,
                "btsVezneId", transport.institution(institution).deskId());
    }

    private static List<FlexCityReceipt> receipts(FlexCityAnswer answer) {
        return FlexCityReceipt.listFrom(answer);
    }

    /** A read's answer; empty when FlexCity says it has no such record. */
    private Uni<Optional<FlexCityAnswer>> read(String institution, FlexCityMethod method, Map<String, String> form) {
        return transport.read(institution, method, form).map(answer -> {
            if (!answer.succeeded() && answer.resultCode().isNotFound()) {
                return Optional.<FlexCityAnswer>empty();
            }
            return Optional.of(answer.orThrow());
        });
    }

    private <T> Uni<List<T>> readList(String institution, FlexCityMethod method, Map<String, String> form,
                                      String listField, Function<JsonNode, T> mapper) {
        return read(institution, method, form).map(answer -> answer
                .map(a -> list(a.body(), listField).stream().map(mapper).toList()).orElse(List.of()));
    }

    /** FindBorcSorgu lines (per accrual, or already per invoice) summed per invoice. */
    private static List<FlexCityInvoiceDebt> byInvoice(List<JsonNode> lines) {
        Map<String, List<JsonNode>> invoices = new LinkedHashMap<>();
        lines.forEach(line -> invoices.computeIfAbsent(text(line, "faturaNo"), k -> new ArrayList<>()).add(line));
        List<FlexCityInvoiceDebt> debts = new ArrayList<>();
        invoices.forEach((invoice, ofInvoice) -> {
            JsonNode first = ofInvoice.get(0);
            debts.add(new FlexCityInvoiceDebt(invoice, number(first, "bgsBeyanId"), number(first, "sbsMuhatapId"),
                    text(first, "isim"), text(first, "bgpServisAdi"),
                    ofInvoice.stream().map(l -> day(l, "vadeTarihi")).filter(Objects::nonNull)
                            .min(Comparator.naturalOrder()).orElse(null),
                    ofInvoice.stream().map(l -> zeroIfNull(amount(l, "borcTutari"))).reduce(BigDecimal.ZERO, BigDecimal::add),
                    ofInvoice.stream().map(l -> zeroIfNull(amount(l, "gecikmeZammi"))).reduce(BigDecimal.ZERO, BigDecimal::add),
                    ofInvoice.stream().map(l -> number(l, "bgsTahakId")).filter(Objects::nonNull).toList()));
        });
        return debts;
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    /** A form from name/value pairs, in order; null values are sent as the document's examples do: "null". */
    private static Map<String, String> form(Object... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put((String) pairs[i], pairs[i + 1] == null ? null : String.valueOf(pairs[i + 1]));
        }
        return form;
    }
}
