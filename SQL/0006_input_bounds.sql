-- The bounds the application puts on input (InputBounds in the domain), held by the database
-- as well, so that no client can store what the service cannot read back: instants within
-- 1900-2199, a cost of at most 10^12 cents, a booking of at most 1 000 units.
-- NOT VALID: rows stored before are not checked, new and changed rows are.
ALTER TABLE bookings ADD CONSTRAINT bookings_during_bounds
    CHECK (lower(during) >= '1900-01-01 00:00:00+00' AND upper(during) <= '2200-01-01 00:00:00+00') NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_quantity_bounds CHECK (quantity <= 1000) NOT VALID;
ALTER TABLE blackouts ADD CONSTRAINT blackouts_during_bounds
    CHECK (lower(during) >= '1900-01-01 00:00:00+00' AND upper(during) <= '2200-01-01 00:00:00+00') NOT VALID;
ALTER TABLE usage_records ADD CONSTRAINT usage_records_during_bounds
    CHECK (lower(during) >= '1900-01-01 00:00:00+00' AND upper(during) <= '2200-01-01 00:00:00+00') NOT VALID;
ALTER TABLE costs ADD CONSTRAINT costs_amount_bounds CHECK (amount_cents <= 1000000000000) NOT VALID;
