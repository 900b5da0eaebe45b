-- The booking service: recurring series, idempotent requests.

CREATE TABLE booking_series (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id     uuid NOT NULL REFERENCES poles,
    resource_id uuid NOT NULL,
    member_id   uuid NOT NULL,
    -- The recurrence as the request gave it (frequency, interval, weekdays, count or until).
    rule        jsonb NOT NULL,
    created_by  uuid REFERENCES users,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pole_id, id),
    FOREIGN KEY (pole_id, resource_id) REFERENCES resources (pole_id, id),
    FOREIGN KEY (pole_id, member_id) REFERENCES members (pole_id, id)
);
ALTER TABLE bookings ADD FOREIGN KEY (pole_id, series_id) REFERENCES booking_series (pole_id, id);
CREATE INDEX bookings_series_idx ON bookings (series_id) WHERE series_id IS NOT NULL;

-- A request sent again with the same Idempotency-Key gets the first answer back. The key
-- row is written in the same transaction as what the request created, so a retry either
-- finds both or neither.
CREATE TABLE idempotency_keys (
    user_id          uuid NOT NULL REFERENCES users,
    key              text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash     bytea NOT NULL,
    response_status  integer NOT NULL,
    response_body    text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
