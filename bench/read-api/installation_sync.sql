-- 2,000,000 installations of two UTTS accounts, a tenth of them with a change in their history.
INSERT INTO sync_run (utts_account, trigger, status, started_at, finished_at, pages, total_pages, records_seen,
                      new_records)
SELECT 'bench-' || a, 'API', 'SUCCEEDED', now() - interval '1 hour', now() - interval '50 minutes', 1000, 1000,
       1000000, 1000000
FROM generate_series(1, 2) a;

INSERT INTO installation (installation_id, installation_code, licence_plate, status, status_id, product,
    service_company, service_name, owner_name, owner_tax_number, owner_tax_office, owner_city, owner_district,
    sale_price_incl_vat, sale_price_excl_vat, activated_at, upstream_last_modified_at, utts_account, reference_number,
    content_hash, first_seen_at, last_changed_at, last_seen_run)
SELECT 900000000 + i, 'BENCH-' || i,
       lpad((1 + i % 81)::text, 2, '0') || ' ' || chr(65 + i % 26) || chr(65 + (i / 26) % 26) || ' ' || (100 + i % 9000),
       (ARRAY['Sipariş Oluşturuldu', 'Randevu Verildi', 'Montaj Yapıldı', 'Aktivasyon Bekliyor', 'Aktif'])[1 + i % 5],
       1 + i % 5, 'TTB Standart', 'Servis Şirketi ' || (i % 20), 'Servis ' || (i % 9), 'Müşteri ' || (i % 5000),
       lpad((i::bigint * 7919 % 10000000000)::text, 10, '0'), 'Kadıköy', 'İstanbul', 'Kadıköy', 1200.00, 1000.00,
       CASE WHEN i % 5 = 4 THEN now() - (i % 365) * interval '1 day' END,
       now() - (i % 43200) * interval '1 minute', 'bench-' || (1 + i % 2), 'REF-' || (i % 100000), md5(i::text),
       now() - interval '60 days', now() - (i % 43200) * interval '1 minute', 1
FROM generate_series(1, 2000000) i;

INSERT INTO installation_change (installation_id, run_id, changed_at, changed_fields, previous_status, status)
SELECT 900000000 + i, (SELECT min(id) FROM sync_run WHERE utts_account LIKE 'bench-%'),
       now() - (i % 43200) * interval '1 minute', ARRAY['status', 'status_id'], 'Randevu Verildi', 'Montaj Yapıldı'
FROM generate_series(10, 2000000, 10) i;
