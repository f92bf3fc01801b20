-- A unit's birth certificate (query-service BirthCertificateQuery) finds the work transactions a
-- unit went through by its unit id in transaction_unit: without this index that lookup scans the
-- whole table, which grows with every WorkStarted/UnitsInitialized of the factory.
-- V1 is already applied in installed databases, so the index comes as its own migration.
create index transaction_unit_unit on transaction_unit (unit_id);
