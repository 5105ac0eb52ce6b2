package tr.kopru.reconciliation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** How and when days are reconciled. */
@ConfigMapping(prefix = "kopru.reconciliation")
public interface ReconciliationConfig {

    /** When yesterday is reconciled for every institution and desk (cron, Europe/Istanbul; "off" to disable). */
    @WithDefault("0 30 6 * * ?")
    String daily();

    /** How often stale days (a payment event arrived after their run) are re-run ("off" to disable). */
    @WithDefault("1m")
    String staleCheck();

    /** Compare receipt by receipt even when the totals agree. */
    @WithDefault("false")
    boolean alwaysCompareReceipts();

    /** The largest difference between two amounts still counted as equal; 0.00 compares exactly. */
    @WithDefault("0.00")
    BigDecimal amountTolerance();
}
