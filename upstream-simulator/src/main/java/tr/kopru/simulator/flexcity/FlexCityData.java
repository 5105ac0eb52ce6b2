package tr.kopru.simulator.flexcity;

import tr.kopru.simulator.flexcity.FlexCityModel.Accrual;
import tr.kopru.simulator.flexcity.FlexCityModel.Declaration;
import tr.kopru.simulator.flexcity.FlexCityModel.Desk;
import tr.kopru.simulator.flexcity.FlexCityModel.Merge;
import tr.kopru.simulator.flexcity.FlexCityModel.Subscriber;
import tr.kopru.simulator.flexcity.FlexCityModel.Taxpayer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeds an institution deterministically from its scenario: same seed, same taxpayers, debts and invoices. */
final class FlexCityData {

    private static final String[] FIRST = {"Ayşe", "Mehmet", "Zeynep", "Ali", "Elif", "Mustafa", "Fatma", "Emre"};
    private static final String[] LAST = {"Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Yıldız", "Aydın", "Öztürk"};
    private static final String[][] WATER = {{"10001", "Su Hizmet Bedeli"}, {"10002", "KDV (SU)"}, {"10003", "ÇTV - Su"}};
    private static final String[][] PROPERTY = {{"20001", "Emlak Vergisi"}, {"20002", "Çevre Temizlik Vergisi"}};

    private FlexCityData() {
    }

    static FlexCityInstitution generate(FlexCityScenario scenario, LocalDate today) {
        FlexCityInstitution institution = new FlexCityInstitution(scenario.code(), scenario.applicationKey(),
                scenario.securityCode());
        scenario.desks().forEach(d -> institution.desks.put(d.id(), new Desk(d.id(), d.name(), d.password(), d.serial())));
        Random random = new Random(scenario.seed());
        long declarationId = 1_000_000;
        long accrualId = 50_000_000;
        for (int t = 0; t < scenario.taxpayers(); t++) {
            long taxpayerId = 500_000 + t * 7L + random.nextInt(7);
            boolean company = t % 3 == 2;
            String name = company ? LAST[random.nextInt(LAST.length)] + " Ticaret Ltd. Şti."
                    : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            institution.taxpayers.put(taxpayerId, new Taxpayer(taxpayerId, name,
                    company ? null : nationalId(random), company ? taxNumber(random) : null,
                    company ? null : FIRST[random.nextInt(FIRST.length)], company ? null : FIRST[random.nextInt(4) + 4],
                    "İSTANBUL", LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28))));
            int declarationsOfTaxpayer = 1 + random.nextInt(2);
            for (int d = 0; d < declarationsOfTaxpayer; d++) {
                declarationId += 1 + random.nextInt(40);
                boolean water = random.nextBoolean();
                long serviceId = water ? 2 : 3;
                institution.declarations.put(declarationId, new Declaration(declarationId, taxpayerId,
                        "Örnek Mah. " + (1 + random.nextInt(90)) + ". Sok. Kapı : " + (1 + random.nextInt(60)),
                        String.valueOf(1000 + random.nextInt(9000)), serviceId, today.minusYears(1 + random.nextInt(5))));
                if (water) {
                    institution.subscribers.add(new Subscriber(String.valueOf(declarationId % 100_000),
                            random.nextBoolean() ? "301" : "302", taxpayerId, declarationId,
                            String.valueOf(9000 + random.nextInt(999)), String.valueOf(17000 + random.nextInt(999))));
                }
                int openInvoices = 1 + random.nextInt(2);
                for (int i = 0; i < openInvoices; i++) {
                    int period = 1 + random.nextInt(12);
                    LocalDate due = today.plusDays(15 - random.nextInt(75));
                    String invoice = "%04d%08d%04d%02d%06d".formatted(serviceId, declarationId, due.getYear(), period,
                            random.nextInt(1_000_000));
                    List<Accrual> lines = new ArrayList<>();
                    for (String[] income : water ? WATER : PROPERTY) {
                        BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(40_000), 2);
                        lines.add(new Accrual(accrualId++, declarationId, taxpayerId, serviceId,
                                water ? "Su Servisi" : "Emlak Servisi", Long.parseLong(income[0]), income[1],
                                due.getYear(), period, due.minusDays(30), due, amount, invoice));
                    }
                    institution.addInvoice(invoice, lines);
                }
            }
        }
        List<Long> ids = new ArrayList<>(institution.taxpayers.keySet());
        for (int m = 0; m < Math.min(3, ids.size() / 2); m++) {
            institution.merges.add(new Merge(today.minusDays(10 + m), 400_000 + m, ids.get(m),
                    firstDeclarationOf(institution, ids.get(m)), "BIRLESTIRILDI"));
        }
        if (ids.size() >= 8) {
            // A split: one declaration of taxpayer 400003 went to another taxpayer; the old one lives on.
            institution.merges.add(new Merge(today.minusDays(13), 400_003, ids.get(3),
                    firstDeclarationOf(institution, ids.get(3)), "AYRILDI"));
        }
        return institution;
    }

    /** An 11-digit national id with valid check digits. */
    static String nationalId(Random random) {
        int[] d = new int[11];
        d[0] = 1 + random.nextInt(9);
        for (int i = 1; i < 9; i++) {
            d[i] = random.nextInt(10);
        }
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        d[9] = Math.floorMod(odd * 7 - even, 10);
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += d[i];
        }
        d[10] = sum % 10;
        StringBuilder text = new StringBuilder();
        for (int digit : d) {
            text.append(digit);
        }
        return text.toString();
    }

    /** A 10-digit tax number with a valid check digit. */
    static String taxNumber(Random random) {
        int[] d = new int[9];
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            d[i] = random.nextInt(10);
            int t = (d[i] + 9 - i) % 10;
            int v = (int) ((t * (long) Math.pow(2, 9 - i)) % 9);
            if (t != 0 && v == 0) {
                v = 9;
            }
            sum += v;
        }
        StringBuilder text = new StringBuilder();
        for (int digit : d) {
            text.append(digit);
        }
        return text.append((10 - sum % 10) % 10).toString();
    }

    private static long firstDeclarationOf(FlexCityInstitution institution, long taxpayerId) {
        return institution.declarations.values().stream().filter(d -> d.taxpayerId() == taxpayerId)
                .findFirst().map(Declaration::id).orElse(0L);
    }
}
