package tr.kopru.simulator.flexcity;

import tr.kopru.simulator.flexcity.FlexCityModel.Accrual;
import tr.kopru.simulator.flexcity.FlexCityModel.Collection;
import tr.kopru.simulator.flexcity.FlexCityModel.Declaration;
import tr.kopru.simulator.flexcity.FlexCityModel.Desk;
import tr.kopru.simulator.flexcity.FlexCityModel.Merge;
import tr.kopru.simulator.flexcity.FlexCityModel.ReceiptLine;
import tr.kopru.simulator.flexcity.FlexCityModel.Subscriber;
import tr.kopru.simulator.flexcity.FlexCityModel.Taxpayer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.simulator.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One municipality's FlexCity instance: its keys and desks, taxpayers, declarations, debts, subscribers, merges
 * and the collections booked on it, with the document's rules for collecting and cancelling.
 */
public final class FlexCityInstitution {

    /** Late-payment surcharge per day past due, on the debt amount. */
    static final BigDecimal DAILY_SURCHARGE = new BigDecimal("0.0015");

    final String code;
    final String applicationKey;
    final String securityCode;
    final Map<Long, Desk> desks = new LinkedHashMap<>();
    final Map<Long, Taxpayer> taxpayers = new LinkedHashMap<>();
    final Map<Long, Declaration> declarations = new LinkedHashMap<>();
    final Map<String, List<Accrual>> invoices = new LinkedHashMap<>();
    /** The invoice numbers of each declaration, so bulk debt queries cost per declaration asked, not per invoice. */
    final Map<Long, List<String>> invoicesOfDeclaration = new HashMap<>();
    final List<Subscriber> subscribers = new ArrayList<>();
    final List<Merge> merges = new ArrayList<>();
    private final Map<Long, Collection> collections = new LinkedHashMap<>();
    private final Map<String, List<Long>> collectionsOfInvoice = new HashMap<>();
    private final Map<Long, AtomicLong> receiptCounters = new LinkedHashMap<>();
    private final AtomicLong nextCollectionId = new AtomicLong(90_000_001L);

    FlexCityInstitution(String code, String applicationKey, String securityCode) {
        this.code = code;
        this.applicationKey = applicationKey;
        this.securityCode = securityCode;
    }

    /** What an invoice costs when paid on {@code day}: debt, surcharge for the days past due, total. */
    record InvoiceAmount(List<Accrual> lines, BigDecimal debt, BigDecimal surcharge, BigDecimal total) {
    }

    synchronized InvoiceAmount amountOf(String invoiceNumber, LocalDate day) {
        List<Accrual> lines = invoices.get(invoiceNumber);
        if (lines == null) {
            throw new FlexCityError("0103");
        }
        BigDecimal debt = lines.stream().map(Accrual::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal surcharge = lines.stream().map(a -> surcharge(a, day)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new InvoiceAmount(lines, debt, surcharge, debt.add(surcharge));
    }

    static BigDecimal surcharge(Accrual accrual, LocalDate day) {
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(accrual.dueDate(), day));
        return accrual.amount().multiply(DAILY_SURCHARGE).multiply(BigDecimal.valueOf(daysLate))
                .setScale(2, RoundingMode.HALF_UP);
    }

    void addInvoice(String invoiceNumber, List<Accrual> lines) {
        invoices.put(invoiceNumber, lines);
        invoicesOfDeclaration.computeIfAbsent(lines.get(0).declarationId(), id -> new ArrayList<>()).add(invoiceNumber);
    }

    public synchronized List<Long> declarationIds() {
        return List.copyOf(declarations.keySet());
    }

    /** Whether the invoice is paid: an active collection holds it. */
    synchronized boolean isPaid(String invoiceNumber) {
        return activeCollection(invoiceNumber).isPresent();
    }

    synchronized Desk desk(long deskId, String password) {
        Desk desk = desks.get(deskId);
        if (desk == null) {
            throw new FlexCityError("0112", deskId);
        }
        if (password != null && !desk.password().equals(password)) {
            throw new FlexCityError("0121");
        }
        return desk;
    }

    /**
     * Books a collection of a whole invoice on a desk, checking that it is unpaid and that {@code amount} is its
     * total on {@code day} (the surcharge depends on the collection day).
     */
    synchronized Collection collect(long deskId, String password, String invoiceNumber, BigDecimal amount,
                                    String transactionNo, LocalDate day, Instant now) {
        Desk desk = desk(deskId, password);
        if (invoiceNumber == null || invoiceNumber.isBlank()) {
            throw new FlexCityError("0511");
        }
        if (invoiceNumber.length() != 24) {
            throw new FlexCityError("0513");
        }
        Optional<Collection> paid = activeCollection(invoiceNumber);
        if (paid.isPresent()) {
            throw new FlexCityError(paid.get().deskId() == deskId ? "0510" : "0530");
        }
        InvoiceAmount due = amountOf(invoiceNumber, day);
        if (amount == null || due.total().compareTo(amount) != 0) {
            throw new FlexCityError("0512");
        }
        return book(desk, invoiceNumber, due, transactionNo, day, now);
    }

    /**
     * Books a collection without the usual checks: a payment through another channel, one we never sent, or (with a
     * transaction number used before) a double booking.
     */
    synchronized Collection bookDirectly(long deskId, String invoiceNumber, String transactionNo, LocalDate day,
                                         Instant now) {
        Desk desk = desks.computeIfAbsent(deskId, id -> new Desk(id, "BELEDİYE VEZNESİ " + id, "-", "BLD"));
        return book(desk, invoiceNumber, amountOf(invoiceNumber, day), transactionNo, day, now);
    }

    private Collection book(Desk desk, String invoiceNumber, InvoiceAmount due, String transactionNo, LocalDate day,
                            Instant now) {
        List<ReceiptLine> lines = new ArrayList<>();
        for (Accrual accrual : due.lines()) {
            lines.add(new ReceiptLine(accrual.serviceName(), accrual.incomeCodeName(), accrual.year(),
                    accrual.period(), accrual.amount(), invoiceNumber, accrual.declarationId(), accrual.taxpayerId(),
                    accrual.id(), accrual.dueDate()));
        }
        if (due.surcharge().signum() > 0) {
            Accrual first = due.lines().get(0);
            lines.add(new ReceiptLine(first.serviceName(), "GECIKME ZAMMI", first.year(), first.period(),
                    due.surcharge(), invoiceNumber, first.declarationId(), first.taxpayerId(), null, first.dueDate()));
        }
        long receiptNo = receiptCounters.computeIfAbsent(desk.id(), id -> new AtomicLong(400)).incrementAndGet();
        String payer = taxpayers.get(due.lines().get(0).taxpayerId()).name();
        Collection collection = new Collection(nextCollectionId.getAndIncrement(), transactionNo, desk.id(),
                invoiceNumber, payer, due.total(), day, now, desk.receiptSerial(), receiptNo, lines, null);
        collections.put(collection.id(), collection);
        collectionsOfInvoice.computeIfAbsent(invoiceNumber, i -> new ArrayList<>()).add(collection.id());
        return collection;
    }

    /** See the admin API's bulk booking: synthetic collections, one receipt line each, no invoice behind them. */
    public synchronized int bookSynthetic(long deskId, LocalDate day, long count, String prefix, long firstId,
                                          Set<Long> skip, Set<Long> duplicate, Instant now) {
        Desk desk = desks.computeIfAbsent(deskId, id -> new Desk(id, "BELEDİYE VEZNESİ " + id, "-", "BLD"));
        long extraId = firstId + count;
        int booked = 0;
        for (long i = 0; i < count; i++) {
            if (skip.contains(i)) {
                continue;
            }
            BigDecimal amount = syntheticAmount(i);
            String invoice = String.format("%024d", i);
            for (int copy = 0; copy < (duplicate.contains(i) ? 2 : 1); copy++) {
                long id = copy == 0 ? firstId + i : extraId++;
                ReceiptLine line = new ReceiptLine("Su Servisi", "Su Hizmet Bedeli", day.getYear(), day.getMonthValue(),
                        amount, invoice, 0, 0, null, day);
                Collection collection = new Collection(id, prefix + i, desk.id(), invoice, "BENCH", amount, day, now,
                        desk.receiptSerial(), id, List.of(line), null);
                collections.put(id, collection);
                booked++;
            }
        }
        return booked;
    }

    /** The amount of synthetic collection i: 10.00 + (i mod 1000) * 0.01. */
    public static BigDecimal syntheticAmount(long i) {
        return new BigDecimal("10.00").add(BigDecimal.valueOf(i % 1000, 2));
    }

    /** Finds a collection of this desk by its upstream id, or else by our transaction number. */
    synchronized Collection find(Long collectionId, String transactionNo, long deskId) {
        Optional<Collection> found = collectionId != null
                ? Optional.ofNullable(collections.get(collectionId))
                : collections.values().stream()
                .filter(c -> transactionNo != null && transactionNo.equals(c.transactionNo()))
                .filter(c -> c.deskId() == deskId).findFirst();
        return found.orElseThrow(() -> new FlexCityError("0115",
                collectionId != null ? collectionId : String.valueOf(transactionNo)));
    }

    /** Checks the document's cancel rules: same desk, same day, not cancelled before. */
    synchronized Collection checkCancellable(Long collectionId, String transactionNo, long deskId, LocalDate today) {
        Collection collection = find(collectionId, transactionNo, deskId);
        if (collection.deskId() != deskId) {
            throw new FlexCityError("0118", collection.id());
        }
        if (collection.cancelled()) {
            throw new FlexCityError("0116", collection.id());
        }
        if (!collection.collectionDate().equals(today)) {
            throw new FlexCityError("0117", collection.id());
        }
        return collection;
    }

    synchronized Collection cancel(Long collectionId, String transactionNo, long deskId, LocalDate today) {
        Collection cancelled = checkCancellable(collectionId, transactionNo, deskId, today).cancel(today);
        collections.put(cancelled.id(), cancelled);
        return cancelled;
    }

    /** Collections of a desk whose collection day lies in [from, to]. */
    synchronized List<Collection> collectionsOf(long deskId, LocalDate from, LocalDate to) {
        return collections.values().stream().filter(c -> c.deskId() == deskId)
                .filter(c -> !c.collectionDate().isBefore(from) && !c.collectionDate().isAfter(to)).toList();
    }

    synchronized List<Collection> allCollections() {
        return List.copyOf(collections.values());
    }

    /** Open invoices with their amounts on {@code day}, for the admin API. */
    public synchronized List<ObjectNode> openInvoices(LocalDate day) {
        return invoices.keySet().stream().filter(invoice -> !isPaid(invoice)).map(invoice -> {
            InvoiceAmount amount = amountOf(invoice, day);
            Accrual first = amount.lines().get(0);
            return Json.object().put("invoice_number", invoice).put("declaration_id", first.declarationId())
                    .put("taxpayer_id", first.taxpayerId()).put("due_date", first.dueDate().toString())
                    .put("debt", amount.debt()).put("surcharge", amount.surcharge()).put("total", amount.total());
        }).toList();
    }

    /** {@link #bookDirectly}, answered as the admin API shows it. */
    public ObjectNode bookDirectlyAsJson(long deskId, String invoiceNumber, String transactionNo, LocalDate day,
                                         Instant now) {
        return asJson(bookDirectly(deskId, invoiceNumber, transactionNo, day, now));
    }

    /** The taxpayer merges and splits, as FindALLSbsBirlesenMuhatapBilgileri... answers them, for the admin API. */
    public synchronized List<ObjectNode> mergesAsJson() {
        return merges.stream().map(m -> Json.object().put("date", m.date().toString())
                .put("old_taxpayer_id", m.oldTaxpayerId()).put("new_taxpayer_id", m.newTaxpayerId())
                .put("declaration_id", m.declarationId()).put("status", m.status())).toList();
    }

    /** Every collection booked, of one invoice when {@code invoiceNumber} is given, as the admin API shows them. */
    public synchronized List<ObjectNode> bookings(String invoiceNumber) {
        return collections.values().stream()
                .filter(c -> invoiceNumber == null || invoiceNumber.equals(c.invoiceNumber()))
                .map(FlexCityInstitution::asJson).toList();
    }

    private static ObjectNode asJson(Collection booked) {
        return Json.object().put("bgs_tahsil_genel_id", booked.id()).put("desk_id", booked.deskId())
                .put("amount", booked.amount()).put("collection_date", booked.collectionDate().toString())
                .put("transaction_no", booked.transactionNo()).put("invoice_number", booked.invoiceNumber())
                .put("receipt_serial", booked.receiptSerial()).put("receipt_no", booked.receiptNo())
                .put("cancelled_on", booked.cancelledOn() == null ? null : booked.cancelledOn().toString());
    }

    private Optional<Collection> activeCollection(String invoiceNumber) {
        return collectionsOfInvoice.getOrDefault(invoiceNumber, List.of()).stream()
                .map(collections::get).filter(c -> !c.cancelled()).findFirst();
    }
}
