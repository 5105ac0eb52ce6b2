package tr.kopru.simulator.utts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import tr.kopru.simulator.Json;
import tr.kopru.simulator.SimulatorClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes any installation record of any account from its row number alone, so millions of records cost no memory.
 * Time moves in generations (the admin API advances them): each generation adds new records and moves a share of
 * the existing ones one status further, stamping lastModified.
 */
public final class InstallationGenerator {

    /** UTTS installation statuses, in the order an installation goes through them. */
    static final List<String> STATUSES = List.of("Sipariş Oluşturuldu", "Randevu Verildi", "Montaj Yapıldı",
            "Aktivasyon Bekliyor", "Aktif");
    private static final String[] CITIES = {"İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Kocaeli", "Konya"};
    private static final String[] DISTRICTS = {"Kadıköy", "Çankaya", "Bornova", "Nilüfer", "Muratpaşa", "Gebze"};
    private static final String[] PRODUCTS = {"TTB Standart", "TTB Plus", "TTB Filo"};
    private static final String[] OFFICES = {"Kadıköy", "Maltepe", "Çankaya", "Konak", "Osmangazi"};
    private static final String[] NAMES = {"Ayşe Yılmaz", "Mehmet Kaya", "Zeynep Demir", "Ali Çelik", "Elif Şahin"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    /** Row ids of one account live in their own block. */
    private static final long ID_BLOCK = 100_000_000L;
    /** Within an account's block, the ids of records inserted at the head of its listing (see {@link #shift}). */
    private static final long HEAD_BLOCK = 90_000_000L;

    private final Instant epoch;
    private final Duration generationLength = Duration.ofMinutes(5);
    private volatile int generation;
    private final Set<Long> corruptRows = ConcurrentHashMap.newKeySet();
    private volatile double changeShare;
    private volatile long newPerGeneration;
    private final Map<Integer, Head> heads = new ConcurrentHashMap<>();

    /**
     * The head of an account's listing: of the {@code inserted} records ever put before its rows (numbered 1 on,
     * listed newest first), the {@code listed} newest are still there; its first {@code rowsGone} rows have left it.
     */
    private record Head(long inserted, long listed, long rowsGone) {

        static final Head NONE = new Head(0, 0, 0);

        Head shifted(int records) {
            if (records >= 0) {
                return new Head(inserted + records, listed + records, rowsGone);
            }
            long gone = Math.min(listed, -records);
            return new Head(inserted, listed - gone, rowsGone + (-records - gone));
        }
    }

    public InstallationGenerator(SimulatorClock clock, double changeShare, long newPerGeneration) {
        this.epoch = clock.now().minus(Duration.ofDays(30));
        this.changeShare = changeShare;
        this.newPerGeneration = newPerGeneration;
    }

    /** Moves time on by {@code generations}: new records appear, a share of the others change. */
    public void advance(int generations) {
        generation += generations;
    }

    public void configure(double share, long perGeneration) {
        this.changeShare = share;
        this.newPerGeneration = perGeneration;
    }

    /** Makes a row's record unreadable (an impossible date, a price that is not a number), as a bad upstream row. */
    public void corrupt(long row) {
        corruptRows.add(row);
    }

    /**
     * Shifts an account's listing while a client may be paging it: {@code records > 0} new installations appear at
     * its head, {@code records < 0} its first ones leave it; every record after moves that many places.
     */
    public void shift(UttsAccount account, int records) {
        heads.compute(account.index(), (index, head) -> (head == null ? Head.NONE : head).shifted(records));
    }

    public void reset() {
        generation = 0;
        corruptRows.clear();
        heads.clear();
    }

    public int generation() {
        return generation;
    }

    /** How many records the account's listing holds. */
    public long count(UttsAccount account) {
        Head head = head(account);
        return rows(account) + head.listed() - head.rowsGone();
    }

    private long rows(UttsAccount account) {
        return account.installations() + (long) generation * newPerGeneration;
    }

    private Head head(UttsAccount account) {
        return heads.getOrDefault(account.index(), Head.NONE);
    }

    /** The record at {@code position} (0-based) of the listing as UTTS sends it today, as a tree (for filtering). */
    public ObjectNode record(UttsAccount account, long position) {
        try (TokenBuffer tokens = new TokenBuffer(Json.MAPPER, false)) {
            write(tokens, account, position);
            return Json.MAPPER.readTree(tokens.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the record at {@code position} (0-based) of the listing as UTTS sends it today: pages are streamed, not
     * built. The listing is the records inserted at its head still there, newest first, then the rows still there.
     */
    public void write(JsonGenerator json, UttsAccount account, long position) throws IOException {
        Head head = head(account);
        long block = (account.index() + 1) * ID_BLOCK;
        if (position < head.listed()) {
            write(json, account, block + HEAD_BLOCK + head.inserted() - position, generation, -1);
        } else {
            long row = position - head.listed() + head.rowsGone();
            int created = row < account.installations() ? 0
                    : (int) (1 + (row - account.installations()) / newPerGeneration);
            write(json, account, block + row + 1, created, row);
        }
    }

    /** Writes installation {@code id}, created in generation {@code created}; {@code row} is -1 for a head record. */
    private void write(JsonGenerator json, UttsAccount account, long id, int created, long row) throws IOException {
        int status = (int) (hash(id, -1) % 3);
        int lastChange = created;
        for (int g = created + 1; g <= generation; g++) {
            if (status < STATUSES.size() - 1 && unit(hash(id, g)) < changeShare) {
                status++;
                lastChange = g;
            }
        }
        Instant lastModified = epoch.plus(generationLength.multipliedBy(lastChange)).plusSeconds(hash(id, -2) % 240);
        LocalDateTime modifiedLocal = LocalDateTime.ofInstant(lastModified, SimulatorClock.TURKEY);
        long h = hash(id, -3);
        BigDecimal net = BigDecimal.valueOf(800 + h % 700).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal gross = net.multiply(new BigDecimal("1.20")).setScale(2, RoundingMode.HALF_UP);
        boolean turkishPrices = h % 2 == 0;
        boolean corrupt = corruptRows.contains(row);

        json.writeStartObject();
        json.writeNumberField("vehicleOrderInstallationId", id);
        json.writeStringField("licensePlate", plate(h));
        json.writeStringField("installationCode", "MNT-" + id);
        json.writeStringField("companyName", account.companyName());
        json.writeStringField("serviceName", account.companyName() + " Servis " + (1 + h % 9));
        json.writeStringField("ttbServiceName", "TTB Servis " + (1 + h % 9));
        json.writeStringField("ttbServiceReferenceNumber", "REF-" + (h % 100_000));
        json.writeStringField("vehicleCompanyName", "Müşteri Lojistik " + (h % 5000) + " Ltd. Şti.");
        json.writeStringField("taxInfoNumber", zeroPadded(h % 10_000_000_000L, 10));
        json.writeStringField("taxInfoOffice", OFFICES[(int) (h % OFFICES.length)]);
        json.writeStringField("driverEmail", "surucu" + id + "@example.com");
        json.writeStringField("driverPhoneNumber", "05" + zeroPadded(h % 1_000_000_000L, 9));
        json.writeStringField("address", "Örnek Mah. " + (h % 90 + 1) + ". Sok. No: " + (h % 40 + 1));
        json.writeStringField("city", CITIES[(int) (h % CITIES.length)]);
        json.writeStringField("district", DISTRICTS[(int) (h % DISTRICTS.length)]);
        json.writeStringField("vehicleOrderInstallationStatus", STATUSES.get(status));
        json.writeNumberField("vehicleOrderInstallationStatusId", status + 1);
        json.writeStringField("productName", PRODUCTS[(int) (h % PRODUCTS.length)]);
        json.writeStringField("fullName", NAMES[(int) (h % NAMES.length)]);
        json.writeStringField("technicianFullName", NAMES[(int) ((h / 7) % NAMES.length)]);
        json.writeStringField("salePriceString", corrupt ? "on iki bin"
                : turkishPrices ? turkish(gross) : gross.toPlainString());
        json.writeStringField("netSalePriceString", turkishPrices ? turkish(net) : net.toPlainString());
        LocalDateTime installed = modifiedLocal.minusDays(1 + h % 5);
        json.writeStringField("installmentDateString", DATE.format(installed));
        json.writeStringField("installmentHourString", HOUR.format(installed));
        boolean active = status == STATUSES.size() - 1;
        if (corrupt) {
            json.writeStringField("activationDateString", "31.02.2026");
        } else if (active) {
            json.writeStringField("activationDateString", DATE.format(modifiedLocal));
        } else {
            json.writeNullField("activationDateString");
        }
        if (active) {
            json.writeStringField("activationHourString", HOUR.format(modifiedLocal));
        } else {
            json.writeNullField("activationHourString");
        }
        json.writeStringField("lastModified", corrupt ? "dün" : h % 3 == 0 ? modifiedLocal.withNano(0).toString()
                : modifiedLocal.withNano((int) (h % 1000) * 1_000_000).toString());
        json.writeBooleanField("hasReceiptInfo", h % 4 != 0);
        json.writeStringField("companyTypeStr", h % 3 == 0 ? "Şahıs" : "Tüzel");
        json.writeEndObject();
    }

    private static String plate(long h) {
        char a = (char) ('A' + h % 26);
        char b = (char) ('A' + (h / 26) % 26);
        return zeroPadded(1 + h % 81, 2) + " " + a + b + " " + (100 + h % 9000);
    }

    private static String zeroPadded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** 1234.56 as UTTS sometimes sends it: "1.234,56". */
    private static String turkish(BigDecimal amount) {
        String plain = amount.toPlainString();
        String whole = plain.substring(0, plain.indexOf('.'));
        String fraction = plain.substring(plain.indexOf('.') + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(whole.charAt(i));
        }
        return grouped + "," + fraction;
    }

    private static long hash(long id, long salt) {
        long x = id * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x & Long.MAX_VALUE;
    }

    private static double unit(long hash) {
        return (hash % 1_000_000) / 1_000_000.0;
    }
}
