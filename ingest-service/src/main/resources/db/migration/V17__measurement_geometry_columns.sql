-- Issue #13 (large inspection results): the geometry of a solder-paste deposit or an inspected
-- feature (CFX.Structures.SolderPasteInspection.SolderPasteMeasurement, InspectionMeasurementLean,
-- InspectionMeasurementExpected, PCBInspection.OffsetMeasurement) was kept in measurement.details
-- as jsonb. Measured on 82,188 deposits (one 30 MB SPI UnitsInspected): COPY took 0.93 s with the
-- jsonb (its numbers are parsed as numeric), 0.16 s without it. From here on these values are
-- double precision columns, named after the CFX members; details keeps the rest (relatedTo, limit
-- units, unknown structures). Rows stored before keep their geometry in details.
-- One column per statement: TimescaleDB adds columns to a compressed hypertable one at a time.
alter table measurement add column x double precision;     -- X: length of the deposit (mm)
alter table measurement add column ex double precision;    -- EX: its nominal length
alter table measurement add column y double precision;     -- Y: width (mm)
alter table measurement add column ey double precision;    -- EY
alter table measurement add column z double precision;     -- Z: height (mm)
alter table measurement add column ez double precision;    -- EZ
alter table measurement add column dx double precision;    -- DX: offset from the pad centre, x
alter table measurement add column dy double precision;    -- DY: offset, y
alter table measurement add column dz double precision;    -- DZ: offset, z (OffsetMeasurement)
alter table measurement add column vol double precision;   -- Vol: volume
alter table measurement add column e_vol double precision; -- EVol: nominal volume
alter table measurement add column a double precision;     -- A: area (mm²)
alter table measurement add column ea double precision;    -- EA: nominal area
alter table measurement add column ar double precision;    -- AR: area ratio of the aperture
alter table measurement add column px double precision;    -- PX: position x (mm)
alter table measurement add column py double precision;    -- PY: position y (mm)
alter table measurement add column rxy double precision;   -- RXY: rotation on the x-y plane (degrees)
alter table measurement add column rzx double precision;   -- RZX: rotation on the z-x plane (OffsetMeasurement)
alter table measurement add column rzy double precision;   -- RZY: rotation on the z-y plane (OffsetMeasurement)

-- The envelope text of a 30 MB message is compressed as it is stored (TOAST). pglz took 0.39 s for
-- 30 MB of JSON here, lz4 0.21 s, for the same size on disk. lz4 needs a server built with it
-- (PostgreSQL 14+ --with-lz4, as Debian's and the PGDG packages are; the embedded binaries of the
-- tests are not): elsewhere the server's default stays, with a notice.
-- Any refusal (no lz4; a TimescaleDB that does not pass the setting on to a hypertable's chunks)
-- leaves the default: this only changes how fast the text is compressed, never what is stored.
do $$
begin
  alter table raw_message alter column envelope set compression lz4;
exception when others then
  raise notice 'raw_message.envelope keeps the server''s default compression: % (SQLSTATE %)', sqlerrm, sqlstate;
end $$;
