-- A year of ledger at 10 desks: 300 collections a desk a day (1,095,000 entries), every day reconciled once.
INSERT INTO ledger_entry (institution, desk_id, transaction_number, upstream_collection_id, invoice_number,
    declaration_id, amount, collection_date, paid, cancelled, collected_at, cancelled_at, receipt_serial,
    receipt_number, channel, updated_at)
SELECT 'bench-belediye', 900 + i % 10, '98' || lpad(i::text, 20, '0'), 810000000 + i, 'BENCH' || lpad(i::text, 19, '0'),
       5000000 + i % 200000, 10.00 + (i % 1000) * 0.01, current_date - 1 - (i / 10) % 365, true, i % 50 = 0,
       now() - (1 + (i / 10) % 365) * interval '1 day', CASE WHEN i % 50 = 0 THEN now() END, 'B',
       lpad((i % 1000000)::text, 6, '0'), 'API', now()
FROM generate_series(0, 1094999) i;

INSERT INTO reconciliation_run (institution, desk_id, day, version, trigger, result, started_at, finished_at,
    our_collected_amount, our_collected_count, our_cancelled_amount, our_cancelled_count, their_collected_amount,
    their_collected_count, their_cancelled_amount, their_cancelled_count, receipts_compared, discrepancy_count)
SELECT 'bench-belediye', 900 + desk, current_date - 1 - d, 1, 'SCHEDULE',
       CASE WHEN (d + desk) % 30 = 0 THEN 'MISMATCHED' ELSE 'MATCHED' END,
       now() - d * interval '1 day', now() - d * interval '1 day' + interval '3 seconds',
       4500.00, 294, 90.00, 6, 4500.00, 294, 90.00, 6, true, CASE WHEN (d + desk) % 30 = 0 THEN 2 ELSE 0 END
FROM generate_series(0, 364) d, generate_series(0, 9) desk;

INSERT INTO discrepancy (run_id, category, transaction_number, our_amount, their_amount, detail)
SELECT r.id, 'AMOUNT_MISMATCH', '98' || lpad((r.id * 10 + n)::text, 20, '0'), 10.00, 11.00, 'bench'
FROM reconciliation_run r, generate_series(1, 2) n WHERE r.result = 'MISMATCHED' AND r.institution = 'bench-belediye';

INSERT INTO reconciled_day (institution, desk_id, day, last_run_id)
SELECT institution, desk_id, day, id FROM reconciliation_run WHERE institution = 'bench-belediye';
