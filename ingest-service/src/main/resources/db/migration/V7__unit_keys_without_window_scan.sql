-- Query service birth certificate (BirthCertificateQuery, and every query that reads a unit's rows
-- through unit_keys): V4's unit_keys read the view unit_alias_window, whose lag/lead window runs
-- over every row of unit_alias before the filter on unit_id can apply (a filter cannot be pushed
-- below a window partitioned by another column): 285,720 rows sorted for each certificate, about
-- 0.7 s at 10 million unit events. This version answers the same rows from the unit's own aliases
-- (index unit_alias_unit) and, per alias, an index probe for the alias row before it and the one
-- after it in the order of the view's window (valid_from, event_time, unit_id; the primary key
-- (alias, unit_id) makes that order strict, so "a row before" is exactly "lag is not null" and
-- "the next row's valid_from" is exactly lead(valid_from)). No index is needed: unit_alias_pkey and
-- unit_alias_window_idx (alias, valid_from) of V1/V4 serve the probes.
create or replace function unit_keys(unit text) returns table (key text, lower_bound timestamptz, upper_bound timestamptz)
language sql stable parallel safe as $$
    select unit, '-infinity'::timestamptz, 'infinity'::timestamptz
    union all
    select a.alias,
           case when exists (select 1 from unit_alias p where p.alias = a.alias
                             and (p.valid_from, p.event_time, p.unit_id) < (a.valid_from, a.event_time, a.unit_id))
                then a.valid_from else '-infinity'::timestamptz end,
           coalesce((select n.valid_from from unit_alias n where n.alias = a.alias
                     and (n.valid_from, n.event_time, n.unit_id) > (a.valid_from, a.event_time, a.unit_id)
                     order by n.valid_from, n.event_time, n.unit_id limit 1), 'infinity'::timestamptz)
    from unit_alias a where a.unit_id = unit and a.alias <> unit
$$;
