-- KVKK: the driver's e-mail and phone and the technician's name, which no API, event or feature uses, are no
-- longer kept. The content fingerprints of existing rows included them: the next sync finds each row's fingerprint
-- changed with no field changed, rewrites the fingerprint and announces nothing (PageWriter).
ALTER TABLE installation DROP COLUMN driver_email, DROP COLUMN driver_phone, DROP COLUMN technician;

-- Rejected records keep only the fields Köprü reads: strip what earlier versions kept of the rest.
UPDATE rejected_record SET raw = raw - 'driverEmail' - 'driverPhoneNumber' - 'technicianFullName' - 'fullName';

COMMENT ON TABLE rejected_record IS 'Records a sync could not read, with only the fields Köprü reads; purged after '
    'kopru.retention.rejected-records (30 days)';
