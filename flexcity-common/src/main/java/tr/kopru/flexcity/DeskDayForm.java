package tr.kopru.flexcity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The form of the day-range methods (TahsilIcmali, TahsilIcmaliDetay) for one cashier desk on one day. */
public final class DeskDayForm {

    private DeskDayForm() {
    }

    public static Map<String, String> of(long deskId, LocalDate day) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ilkTarih", FlexCityDates.startOf(day));
        form.put("sonTarih", FlexCityDates.endOf(day));
        form.put("btsVezneId", String.valueOf(deskId));
        return form;
    }
}
