-- What a booking writes, made cheaper without losing a guarantee (issue 18's profile: with
-- durable commits, half of PostgreSQL's time on a booking went to its foreign-key checks and
-- index entries, not to the data).
--
-- A booking's pole is already checked by its resource's key, (pole_id, resource_id) →
-- resources, whose pole_id references poles: the direct reference to poles was a second check
-- of the same fact, locking the pole's row on every booking.
ALTER TABLE bookings DROP CONSTRAINT bookings_pole_id_fkey;

-- (pole_id, id) is unique because id is: no key refers to the pair, and the index cost an
-- entry per booking.
ALTER TABLE bookings DROP CONSTRAINT bookings_pole_id_id_key;

-- Holdings are found through their units, by the exclusion constraint's own index
-- (unit_id, occupied); a second GiST index by resource cost an entry per booking and unit.
DROP INDEX booking_units_resource_idx;
