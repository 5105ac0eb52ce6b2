-- 200,000 delivered updates of 20,000 declarations, ten each.
INSERT INTO declaration_update (id, declaration_id, target, target_server, body, fields, warnings, requested_by,
                                created_at)
SELECT md5('bench-update-' || i)::uuid, 'BENCH-' || (i % 20000), 'test', 'TEST',
       ('{"shipment_reference_number": "R-' || i || '"}')::json, ARRAY['shipment_reference_number'], '[]'::jsonb,
       'bench', now() - (200000 - i) * interval '1 second'
FROM generate_series(1, 200000) i;

INSERT INTO delivery (update_id, status, attempts, next_attempt_at, upstream_status, changed_fields, delivered_at,
                      updated_at)
SELECT md5('bench-update-' || i)::uuid, 'SENT', 1, NULL, 204, ARRAY['shipment_reference_number'],
       now() - (200000 - i) * interval '1 second', now() - (200000 - i) * interval '1 second'
FROM generate_series(1, 200000) i;

INSERT INTO delivery_attempt (update_id, attempt, at, duration_ms, outcome, http_status)
SELECT md5('bench-update-' || i)::uuid, 1, now() - (200000 - i) * interval '1 second', 40, 'DELIVERED', 204
FROM generate_series(1, 200000) i;

INSERT INTO declaration_state (declaration_id, target, fields, updates_delivered, last_update_id, updated_at)
SELECT 'BENCH-' || (i % 20000), 'test', ('{"shipment_reference_number": "R-' || i || '"}')::jsonb, 10,
       md5('bench-update-' || i)::uuid, now()
FROM generate_series(180001, 200000) i;
