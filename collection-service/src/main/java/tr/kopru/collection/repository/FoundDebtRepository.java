package tr.kopru.collection.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.domain.FoundDebt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static tr.kopru.runtime.db.SqlTimes.offset;

/** The invoices scans have found; each is stored (and announced) once. */
@ApplicationScoped
public class FoundDebtRepository {

    /** Stores those of {@code debts} not seen before, in one statement; answers their invoice numbers. */
    public Uni<Set<String>> insertNew(SqlClient tx, List<FoundDebt> debts, long runId, Instant now) {
        if (debts.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = debts.size();
        String[] institutions = new String[n];
        String[] invoices = new String[n];
        Long[] declarations = new Long[n];
        Long[] taxpayers = new Long[n];
        LocalDate[] dueDates = new LocalDate[n];
        // Amounts travel as exact text and are cast in the statement.
        String[] amounts = new String[n];
        String[] surcharges = new String[n];
        String[] totals = new String[n];
        UUID[] instructions = new UUID[n];
        for (int i = 0; i < n; i++) {
            FoundDebt d = debts.get(i);
            institutions[i] = d.institution();
            invoices[i] = d.invoiceNumber();
            declarations[i] = d.declarationId();
            taxpayers[i] = d.taxpayerId();
            dueDates[i] = d.dueDate();
            amounts[i] = d.debt().amount().toPlainString();
            surcharges[i] = d.lateSurcharge().amount().toPlainString();
            totals[i] = d.total().amount().toPlainString();
            instructions[i] = d.standingInstructionId();
        }
        return tx.preparedQuery("INSERT INTO found_debt (institution, invoice_number, declaration_id, taxpayer_id, "
                        + "due_date, debt, late_surcharge, total, standing_instruction_id, scan_run_id, found_at) "
                        + "SELECT DISTINCT ON (u.institution, u.invoice_number) u.*, $10, $11 FROM unnest($1::text[], "
                        + "$2::text[], $3::bigint[], $4::bigint[], $5::date[], $6::text[]::numeric[], "
                        + "$7::text[]::numeric[], $8::text[]::numeric[], $9::uuid[]) AS u(institution, invoice_number, "
                        + "declaration_id, taxpayer_id, due_date, debt, late_surcharge, total, standing_instruction_id) "
                        + "ON CONFLICT DO NOTHING RETURNING invoice_number")
                .execute(Tuple.from(new Object[] {institutions, invoices, declarations, taxpayers, dueDates, amounts,
                        surcharges, totals, instructions, runId, offset(now)}))
                .map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getString(0)));
                    return inserted;
                });
    }

    /** Moves the found debts of a merged-away taxpayer (of {@code declarationId}, or all when null). */
    public Uni<Integer> moveTaxpayer(SqlClient tx, String institution, long oldId, long newId, Long declarationId) {
        return tx.preparedQuery("UPDATE found_debt SET taxpayer_id = $3 WHERE institution = $1 AND taxpayer_id = $2 "
                        + "AND ($4::bigint IS NULL OR declaration_id = $4)")
                .execute(Tuple.of(institution, oldId, newId, declarationId))
                .map(RowSet::rowCount);
    }
}
