package tr.kopru.reconciliation.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.flexcity.FlexCityAnswer;
import tr.kopru.flexcity.DeskDayForm;
import tr.kopru.flexcity.FlexCityMethod;
import tr.kopru.flexcity.FlexCityReceipt;
import tr.kopru.flexcity.FlexCityTransport;
import tr.kopru.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The reconciliation's two FlexCity calls, for one desk and day: TahsilIcmali and TahsilIcmaliDetay. */
@ApplicationScoped
public class FlexCityTotalsClient {

    private final FlexCityTransport transport;

    public FlexCityTotalsClient(FlexCityTransport transport) {
        this.transport = transport;
    }

    public Uni<DailyTotals> dailyTotals(String institution, long deskId, LocalDate day) {
        return transport.read(institution, FlexCityMethod.DAILY_TOTALS, DeskDayForm.of(deskId, day)).map(answer -> {
            var totals = answer.orThrow().get("bgsTahsilIcmalDto");
            return new DailyTotals(money(FlexCityAnswer.amount(totals, "tahsilEdilenTutar")),
                    count(FlexCityAnswer.number(totals, "tahsilAdedi")),
                    money(FlexCityAnswer.amount(totals, "iptalEdilenTutar")),
                    count(FlexCityAnswer.number(totals, "iptalAdedi")));
        });
    }

    /** The receipts of the collections that stand (not cancelled) on the desk that day. */
    public Uni<List<FlexCityReceipt>> dailyReceipts(String institution, long deskId, LocalDate day) {
        return transport.readReceipts(institution, FlexCityMethod.DAILY_RECEIPTS, DeskDayForm.of(deskId, day));
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? Money.ZERO : Money.of(amount);
    }

    private static long count(Long count) {
        return count == null ? 0 : count;
    }
}
