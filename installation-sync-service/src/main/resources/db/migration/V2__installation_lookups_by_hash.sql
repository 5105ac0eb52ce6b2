-- The query API looks installations up by equality only: code, owner tax number, and licence plate compared without
-- spaces or case. The plate's index was on the column as stored, which that comparison cannot use: a plate filter
-- read the whole index. And a btree costs a first sync more than equality lookups need: every insert descends the
-- tree comparing keys. Hash indexes answer equality alone, insert into the one bucket a key hashes to, and are
-- crash-safe and replicated like any other. 300,000 installations inserted into an empty mirror took 4.3 s of the
-- database's CPU with the three btrees and 3.4 s with hash indexes.
DROP INDEX installation_code_idx;
DROP INDEX installation_plate_idx;
DROP INDEX installation_owner_tax_idx;

CREATE INDEX installation_code_idx ON installation USING hash (installation_code);
CREATE INDEX installation_plate_idx ON installation USING hash ((replace(upper(licence_plate), ' ', '')));
CREATE INDEX installation_owner_tax_idx ON installation USING hash (owner_tax_number);
