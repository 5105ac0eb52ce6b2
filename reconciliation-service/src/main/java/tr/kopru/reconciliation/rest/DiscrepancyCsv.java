package tr.kopru.reconciliation.rest;

import tr.kopru.model.Money;
import tr.kopru.reconciliation.domain.Discrepancy;

import java.util.List;

/** Discrepancies as RFC 4180 CSV with a header row; amounts with a dot, as FlexCity and spreadsheets read them. */
final class DiscrepancyCsv {

    private static final String HEADER = "category,transaction_number,upstream_collection_id,invoice_number,"
            + "our_amount,their_amount,our_status,their_status,detail";

    private DiscrepancyCsv() {
    }

    static String of(List<Discrepancy> discrepancies) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Discrepancy d : discrepancies) {
            csv.append(String.join(",", field(d.category().name()), field(d.transactionNumber()),
                    field(d.upstreamCollectionId() == null ? null : d.upstreamCollectionId().toString()),
                    field(d.invoiceNumber()), field(amount(d.ourAmount())), field(amount(d.theirAmount())),
                    field(d.ourStatus()), field(d.theirStatus()), field(d.detail()))).append("\r\n");
        }
        return csv.toString();
    }

    private static String amount(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
