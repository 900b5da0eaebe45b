-- Mutualis: poles, their members and users, pooled resources, bookings, and the audit log.
--
-- Every table that belongs to a pole carries pole_id, and references between such tables go
-- through (pole_id, id) pairs: a row can never point at another pole's member or resource.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE legal_form AS ENUM (
    'association', 'scop', 'scic', 'cooperative', 'mutual', 'foundation',
    'company', 'local-authority', 'research-centre', 'training-body'
);
CREATE TYPE resource_kind AS ENUM ('equipment', 'staff', 'premises');
CREATE TYPE booking_status AS ENUM ('pending', 'confirmed', 'rejected', 'cancelled');
CREATE TYPE user_role AS ENUM ('coordinator', 'member');

-- Refuses any change to rows that history depends on.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: it is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TABLE poles (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    time_zone   text NOT NULL DEFAULT 'Europe/Paris',
    currency    text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX poles_name_key ON poles (lower(name));

CREATE TABLE member_categories (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id      uuid NOT NULL REFERENCES poles,
    name         text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    -- Multiplies a member's basis when costs are shared: 0.5 halves what a small association pays.
    coefficient  numeric(6, 4) NOT NULL CHECK (coefficient >= 0 AND coefficient <= 10),
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pole_id, id),
    UNIQUE (pole_id, name)
);

CREATE TABLE members (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id              uuid NOT NULL REFERENCES poles,
    name                 text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    legal_form           legal_form NOT NULL,
    siret                text CHECK (siret ~ '^[0-9]{14}$'),
    category_id          uuid,
    headcount            numeric(10, 2) NOT NULL DEFAULT 0 CHECK (headcount >= 0),
    annual_budget_cents  bigint NOT NULL DEFAULT 0 CHECK (annual_budget_cents >= 0),
    custom_weight        numeric(14, 4) CHECK (custom_weight >= 0),
    -- joined_on is the first day of membership, left_on the last; both in the pole's calendar.
    joined_on            date NOT NULL,
    left_on              date CHECK (left_on >= joined_on),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pole_id, id),
    UNIQUE (pole_id, siret),
    FOREIGN KEY (pole_id, category_id) REFERENCES member_categories (pole_id, id)
);

CREATE TABLE users (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id      uuid NOT NULL REFERENCES poles,
    email        text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 320),
    name         text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    role         user_role NOT NULL,
    member_id    uuid,
    disabled_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pole_id, id),
    -- A member user acts for exactly one member organisation; a coordinator for none.
    CHECK ((role = 'member') = (member_id IS NOT NULL)),
    FOREIGN KEY (pole_id, member_id) REFERENCES members (pole_id, id)
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE api_tokens (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid NOT NULL REFERENCES users,
    -- SHA-256 of the token: the token itself is shown once and never stored.
    token_hash    bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    -- 'api' tokens go in the Authorization header; 'calendar' ones in feed URLs.
    scope         text NOT NULL DEFAULT 'api' CHECK (scope IN ('api', 'calendar')),
    label         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE resources (
    id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id                    uuid NOT NULL REFERENCES poles,
    name                       text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    kind                       resource_kind NOT NULL,
    units                      integer NOT NULL DEFAULT 1 CHECK (units BETWEEN 1 AND 1000),
    -- A member that lends the resource to the pole is credited the costs it carries.
    owner_member_id            uuid,
    -- Booking rules; NULL means no such rule.
    slot_minutes               integer CHECK (slot_minutes BETWEEN 1 AND 1440),
    min_duration_minutes       integer CHECK (min_duration_minutes > 0),
    max_duration_minutes       integer CHECK (max_duration_minutes > 0),
    min_notice_minutes         integer CHECK (min_notice_minutes >= 0),
    max_horizon_days           integer CHECK (max_horizon_days > 0),
    buffer_minutes             integer NOT NULL DEFAULT 0 CHECK (buffer_minutes >= 0),
    approval_required          boolean NOT NULL DEFAULT false,
    cancellation_deadline_minutes integer CHECK (cancellation_deadline_minutes >= 0),
    monthly_quota_minutes      integer CHECK (monthly_quota_minutes > 0),
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pole_id, id),
    FOREIGN KEY (pole_id, owner_member_id) REFERENCES members (pole_id, id),
    CHECK (min_duration_minutes IS NULL OR max_duration_minutes IS NULL
           OR min_duration_minutes <= max_duration_minutes)
);

-- The identical units of a resource (two vans): what a booking actually holds.
CREATE TABLE resource_units (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    resource_id  uuid NOT NULL REFERENCES resources,
    number       integer NOT NULL CHECK (number >= 1),
    retired_at   timestamptz,
    UNIQUE (resource_id, number),
    UNIQUE (resource_id, id)
);

-- Weekly opening hours in the pole's local time; a resource with none is always open.
CREATE TABLE opening_hours (
    resource_id  uuid NOT NULL REFERENCES resources,
    iso_weekday  smallint NOT NULL CHECK (iso_weekday BETWEEN 1 AND 7),
    opens_at     time NOT NULL,
    -- 24:00 closes at midnight.
    closes_at    time NOT NULL CHECK (closes_at > opens_at),
    PRIMARY KEY (resource_id, iso_weekday, opens_at)
);

CREATE TABLE blackouts (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    resource_id  uuid NOT NULL REFERENCES resources,
    during       tstzrange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
    reason       text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX blackouts_during_idx ON blackouts USING gist (resource_id, during);

CREATE TABLE bookings (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id          uuid NOT NULL REFERENCES poles,
    resource_id      uuid NOT NULL,
    member_id        uuid NOT NULL,
    created_by       uuid REFERENCES users,
    quantity         integer NOT NULL DEFAULT 1 CHECK (quantity >= 1),
    -- Half-open [start, end): a booking ending at 10:00 and one starting at 10:00 do not meet.
    during           tstzrange NOT NULL CHECK (
                         NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)
                         AND NOT lower_inf(during) AND NOT upper_inf(during)),
    status           booking_status NOT NULL,
    note             text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    series_id        uuid,
    -- A cancellation after the resource's deadline: the booking stays chargeable.
    late_cancellation boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pole_id, id),
    FOREIGN KEY (pole_id, resource_id) REFERENCES resources (pole_id, id),
    FOREIGN KEY (pole_id, member_id) REFERENCES members (pole_id, id)
);
CREATE INDEX bookings_resource_during_idx ON bookings USING gist (resource_id, during);
CREATE INDEX bookings_member_idx ON bookings (member_id, lower(during));
CREATE INDEX bookings_pole_during_idx ON bookings (pole_id, lower(during));

-- The units a booking holds. `occupied` is the booking's time plus the resource's buffer
-- after it; the exclusion constraint is the last word on double booking, whatever the
-- application checked before: no unit is ever held twice over overlapping time.
CREATE TABLE booking_units (
    booking_id   uuid NOT NULL REFERENCES bookings,
    resource_id  uuid NOT NULL,
    unit_id      uuid NOT NULL,
    occupied     tstzrange NOT NULL CHECK (NOT isempty(occupied)),
    active       boolean NOT NULL DEFAULT true,
    PRIMARY KEY (booking_id, unit_id),
    FOREIGN KEY (resource_id, unit_id) REFERENCES resource_units (resource_id, id),
    CONSTRAINT booking_units_no_overlap EXCLUDE USING gist (unit_id WITH =, occupied WITH &&) WHERE (active)
);
CREATE INDEX booking_units_resource_idx ON booking_units USING gist (resource_id, occupied) WHERE active;

-- Only pending and confirmed bookings hold their units; the states move only forward.
CREATE FUNCTION booking_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT (
        (OLD.status = 'pending' AND NEW.status IN ('confirmed', 'rejected', 'cancelled'))
        OR (OLD.status = 'confirmed' AND NEW.status = 'cancelled')
    ) THEN
        RAISE EXCEPTION 'a booking cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_status_transition';
    END IF;
    UPDATE booking_units SET active = NEW.status IN ('pending', 'confirmed') WHERE booking_id = NEW.id;
    RETURN NEW;
END
$$;
CREATE TRIGGER bookings_status_transition
    AFTER UPDATE OF status ON bookings
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION booking_status_changed();
CREATE TRIGGER bookings_never_deleted BEFORE DELETE ON bookings
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Who did what, when: appended to, never changed.
CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    pole_id      uuid REFERENCES poles,
    actor_user_id uuid REFERENCES users,
    -- Who acted when no user did: 'admin-cli', 'system'.
    actor        text NOT NULL,
    action       text NOT NULL,
    entity       text NOT NULL,
    entity_id    uuid,
    from_state   text,
    to_state     text,
    details      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
