-- 1,000,000 collections over a year at 20 desks of two institutions; 10,000 standing instructions; a year of scans.
INSERT INTO collection (id, institution, desk_id, transaction_number, invoice_number, declaration_id, amount,
    collection_date, channel, state, upstream_collection_id, receipt_serial, receipt_number, collected_at,
    cancelled_at, result_code, requested_by, created_at, updated_at)
SELECT md5('bench-collection-' || i)::uuid,
       (ARRAY['bench-belediye-a', 'bench-belediye-b'])[1 + i % 2], 900 + i % 20,
       '99' || lpad(i::text, 20, '0'), 'BENCH' || lpad(i::text, 19, '0'), 5000000 + i % 200000,
       10.00 + (i % 1000) * 0.01, current_date - (i % 365), 'API',
       CASE WHEN i % 50 = 0 THEN 'CANCELLED' WHEN i % 97 = 0 THEN 'REJECTED' ELSE 'COLLECTED' END,
       800000000 + i, 'B', lpad((i % 1000000)::text, 6, '0'), now() - (i % 365) * interval '1 day',
       CASE WHEN i % 50 = 0 THEN now() - (i % 365) * interval '1 day' END, '0000', 'bench',
       now() - (i % 365) * interval '1 day' - (i % 1440) * interval '1 minute',
       now() - (i % 365) * interval '1 day'
FROM generate_series(1, 1000000) i;

INSERT INTO standing_instruction (id, institution, declaration_id, taxpayer_id, subscriber_no, scan_every_days,
    auto_collect, status, next_scan_on, created_by, created_at, updated_at)
SELECT md5('bench-instruction-' || i)::uuid, (ARRAY['bench-belediye-a', 'bench-belediye-b'])[1 + i % 2],
       5000000 + i, 6000000 + i, 'S' || i, 5, i % 3 = 0, 'ACTIVE', current_date + i % 5, 'bench', now(), now()
FROM generate_series(1, 10000) i;

INSERT INTO scan_run (trigger, status, started_at, finished_at, instructions_total, instructions_scanned,
                      invoices_seen, debts_found)
SELECT 'SCHEDULE', 'SUCCEEDED', now() - d * interval '1 day', now() - d * interval '1 day' + interval '3 minutes',
       10000, 10000, 12000, 300
FROM generate_series(1, 365) d;
