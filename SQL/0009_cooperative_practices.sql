-- What cooperatives of equipment and employer groups do: members commit to a volume of a
-- resource, a cancellation counts a share of the booked time by how late it comes, a member
-- that did not turn up pays its booking whole, and a taken slot has a waitlist that books
-- by itself when units free up.

-- A member's volume a year on a resource, over a term (CUMA "engagement"). Withdrawn
-- commitments stay, for the runs that counted them.
CREATE TABLE commitments (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id            uuid NOT NULL REFERENCES poles,
    member_id          uuid NOT NULL,
    resource_id        uuid NOT NULL,
    volume_thousandths bigint NOT NULL CHECK (volume_thousandths > 0 AND volume_thousandths <= 10000000000),
    unit               usage_unit NOT NULL,
    starts_on          date NOT NULL,
    ends_on            date NOT NULL CHECK (ends_on >= starts_on AND ends_on - starts_on < 3660),
    note               text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_by         uuid REFERENCES users,
    created_at         timestamptz NOT NULL DEFAULT now(),
    withdrawn_at       timestamptz,
    FOREIGN KEY (pole_id, member_id) REFERENCES members (pole_id, id),
    FOREIGN KEY (pole_id, resource_id) REFERENCES resources (pole_id, id)
);
CREATE INDEX commitments_resource_idx ON commitments (resource_id, starts_on) WHERE withdrawn_at IS NULL;
CREATE INDEX commitments_member_idx ON commitments (member_id, starts_on);

-- The members whose commitment, not their use, set their basis for a cost of a run.
ALTER TABLE allocation_run_costs ADD COLUMN committed_members uuid[] NOT NULL DEFAULT '{}';

-- A cancellation made less than `within_minutes` before the start counts `counted_percent`
-- of the booked time; of several tiers that apply, the one closest to the start. The single
-- deadline before this becomes one tier counting everything.
CREATE TABLE cancellation_tiers (
    resource_id     uuid NOT NULL REFERENCES resources,
    within_minutes  integer NOT NULL CHECK (within_minutes >= 0 AND within_minutes <= 527040),
    counted_percent smallint NOT NULL CHECK (counted_percent BETWEEN 0 AND 100),
    PRIMARY KEY (resource_id, within_minutes)
);
INSERT INTO cancellation_tiers (resource_id, within_minutes, counted_percent)
SELECT id, cancellation_deadline_minutes, 100 FROM resources WHERE cancellation_deadline_minutes IS NOT NULL;
ALTER TABLE resources DROP COLUMN cancellation_deadline_minutes;

-- What a cancelled booking still counts of its time, and the no-shows: confirmed bookings
-- nobody came to, which count whole.
ALTER TABLE bookings
    ADD COLUMN counted_percent smallint NOT NULL DEFAULT 0 CHECK (counted_percent BETWEEN 0 AND 100),
    ADD COLUMN no_show boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT bookings_no_show_confirmed CHECK (NOT no_show OR status = 'confirmed');
UPDATE bookings SET counted_percent = 100 WHERE late_cancellation;
ALTER TABLE bookings DROP COLUMN late_cancellation;

-- Requests waiting for a taken slot, booked in the order they joined when units free up.
CREATE TYPE waitlist_status AS ENUM ('waiting', 'booked', 'left');
CREATE TABLE waitlist_entries (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id     uuid NOT NULL REFERENCES poles,
    resource_id uuid NOT NULL,
    member_id   uuid NOT NULL,
    created_by  uuid REFERENCES users,
    during      tstzrange NOT NULL CHECK (
                    NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)
                    AND NOT lower_inf(during) AND NOT upper_inf(during)),
    quantity    integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    note        text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    status      waitlist_status NOT NULL DEFAULT 'waiting',
    booking_id  uuid REFERENCES bookings,
    -- The order of joining: the entries of one resource join one at a time.
    position    bigint GENERATED ALWAYS AS IDENTITY,
    joined_at   timestamptz NOT NULL DEFAULT now(),
    changed_at  timestamptz,
    CHECK ((status = 'booked') = (booking_id IS NOT NULL)),
    FOREIGN KEY (pole_id, member_id) REFERENCES members (pole_id, id),
    FOREIGN KEY (pole_id, resource_id) REFERENCES resources (pole_id, id)
);
CREATE INDEX waitlist_waiting_idx ON waitlist_entries USING gist (resource_id, during) WHERE status = 'waiting';
CREATE INDEX waitlist_member_idx ON waitlist_entries (member_id, joined_at DESC);
-- A member waits once for the same slot.
CREATE UNIQUE INDEX waitlist_once_idx ON waitlist_entries (resource_id, member_id, during) WHERE status = 'waiting';

-- What a member is told: for now, that its waiting request was booked.
CREATE TABLE notifications (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id    uuid NOT NULL REFERENCES poles,
    member_id  uuid NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('waitlist_booked')),
    booking_id uuid REFERENCES bookings,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz,
    FOREIGN KEY (pole_id, member_id) REFERENCES members (pole_id, id)
);
CREATE INDEX notifications_member_idx ON notifications (member_id, created_at DESC);
