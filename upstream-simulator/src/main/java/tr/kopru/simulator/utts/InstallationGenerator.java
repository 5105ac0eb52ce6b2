package tr.kopru.simulator.utts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.simulator.Json;
import tr.kopru.simulator.SimulatorClock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

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

    private final Instant epoch;
    private final Duration generationLength = Duration.ofMinutes(5);
    private volatile int generation;
    private final java.util.Set<Long> corruptRows = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile double changeShare;
    private volatile long newPerGeneration;

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

    public void reset() {
        generation = 0;
        corruptRows.clear();
    }

    public int generation() {
        return generation;
    }

    public long count(UttsAccount account) {
        return account.installations() + (long) generation * newPerGeneration;
    }

    /** The record of row {@code row} (0-based) as UTTS sends it today. */
    public ObjectNode record(UttsAccount account, long row) {
        long id = (account.index() + 1) * ID_BLOCK + row + 1;
        int created = row < account.installations() ? 0 : (int) (1 + (row - account.installations()) / newPerGeneration);
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
        String taxNumber = zeroPadded(h % 10_000_000_000L, 10);

        ObjectNode record = Json.object();
        record.put("vehicleOrderInstallationId", id);
        record.put("licensePlate", plate(h));
        record.put("installationCode", "MNT-" + id);
        record.put("companyName", account.companyName());
        record.put("serviceName", account.companyName() + " Servis " + (1 + h % 9));
        record.put("ttbServiceName", "TTB Servis " + (1 + h % 9));
        record.put("ttbServiceReferenceNumber", "REF-" + (h % 100_000));
        record.put("vehicleCompanyName", "Müşteri Lojistik " + (h % 5000) + " Ltd. Şti.");
        record.put("taxInfoNumber", taxNumber);
        record.put("taxInfoOffice", OFFICES[(int) (h % OFFICES.length)]);
        record.put("driverEmail", "surucu" + id + "@example.com");
        record.put("driverPhoneNumber", "05" + zeroPadded(h % 1_000_000_000L, 9));
        record.put("address", "Örnek Mah. " + (h % 90 + 1) + ". Sok. No: " + (h % 40 + 1));
        record.put("city", CITIES[(int) (h % CITIES.length)]);
        record.put("district", DISTRICTS[(int) (h % DISTRICTS.length)]);
        record.put("vehicleOrderInstallationStatus", STATUSES.get(status));
        record.put("vehicleOrderInstallationStatusId", status + 1);
        record.put("productName", PRODUCTS[(int) (h % PRODUCTS.length)]);
        record.put("fullName", NAMES[(int) (h % NAMES.length)]);
        record.put("technicianFullName", NAMES[(int) ((h / 7) % NAMES.length)]);
        record.put("salePriceString", turkishPrices ? turkish(gross) : gross.toPlainString());
        record.put("netSalePriceString", turkishPrices ? turkish(net) : net.toPlainString());
        LocalDateTime installed = modifiedLocal.minusDays(1 + h % 5);
        record.put("installmentDateString", DATE.format(installed));
        record.put("installmentHourString", HOUR.format(installed));
        if (status == STATUSES.size() - 1) {
            record.put("activationDateString", DATE.format(modifiedLocal));
            record.put("activationHourString", HOUR.format(modifiedLocal));
        } else {
            record.putNull("activationDateString");
            record.putNull("activationHourString");
        }
        record.put("lastModified", h % 3 == 0 ? modifiedLocal.withNano(0).toString()
                : modifiedLocal.withNano((int) (h % 1000) * 1_000_000).toString());
        record.put("hasReceiptInfo", h % 4 != 0);
        if (corruptRows.contains(row)) {
            record.put("salePriceString", "on iki bin");
            record.put("activationDateString", "31.02.2026");
            record.put("lastModified", "dün");
        }
        record.put("companyTypeStr", h % 3 == 0 ? "Şahıs" : "Tüzel");
        return record;
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
