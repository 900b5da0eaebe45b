-- Cost sharing: actual usage, costs, dated allocation rules, allocation runs and their lines.

CREATE TYPE usage_unit AS ENUM ('hours', 'km', 'uses');
CREATE TYPE cost_category AS ENUM (
    'rent', 'salary', 'leasing', 'insurance', 'maintenance', 'depreciation', 'energy', 'supplies', 'other');
CREATE TYPE allocation_run_status AS ENUM ('draft', 'finalized');

-- Actual use recorded afterwards: the shared accountant's timesheet, the van's kilometres.
CREATE TABLE usage_records (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id       uuid NOT NULL REFERENCES poles,
    resource_id   uuid NOT NULL,
    member_id     uuid NOT NULL,
    during        tstzrange NOT NULL CHECK (
                      NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)
                      AND NOT lower_inf(during) AND NOT upper_inf(during)),
    -- Thousandths of the unit: 1 500 is 1.5 hours.
    quantity_thousandths bigint NOT NULL CHECK (quantity_thousandths > 0),
    unit          usage_unit NOT NULL,
    note          text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    recorded_by   uuid REFERENCES users,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pole_id, id),
    FOREIGN KEY (pole_id, resource_id) REFERENCES resources (pole_id, id),
    FOREIGN KEY (pole_id, member_id) REFERENCES members (pole_id, id)
);
-- A record counts in the period where it starts.
CREATE INDEX usage_records_resource_idx ON usage_records (resource_id, lower(during));
CREATE INDEX usage_records_member_idx ON usage_records (member_id, lower(during));

-- A resource's allocation rule, in force from a date on (the pole's calendar) until the next
-- one; the rule dated -infinity is the resource's rule since always.
CREATE TABLE allocation_rules (
    pole_id        uuid NOT NULL REFERENCES poles,
    resource_id    uuid NOT NULL,
    effective_from date NOT NULL,
    -- The rule as the API writes it: method, basis, idle, weight, fixedShares, fixedPart, fixedKey.
    rule           jsonb NOT NULL CHECK (rule ? 'method'),
    created_by     uuid REFERENCES users,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (resource_id, effective_from),
    FOREIGN KEY (pole_id, resource_id) REFERENCES resources (pole_id, id)
);

CREATE TABLE costs (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id       uuid NOT NULL REFERENCES poles,
    -- NULL for a pole-wide cost.
    resource_id   uuid,
    -- Days of the pole's calendar, end exclusive.
    period_start  date NOT NULL,
    period_end    date NOT NULL CHECK (period_end > period_start),
    amount_cents  bigint NOT NULL CHECK (amount_cents >= 0),
    category      cost_category NOT NULL,
    label         text NOT NULL CHECK (btrim(label) <> '' AND length(label) <= 200),
    -- Its own rule, which wins over the resource's.
    rule          jsonb CHECK (rule IS NULL OR rule ? 'method'),
    created_by    uuid REFERENCES users,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pole_id, id),
    FOREIGN KEY (pole_id, resource_id) REFERENCES resources (pole_id, id)
);
CREATE INDEX costs_pole_period_idx ON costs (pole_id, period_start);

CREATE TABLE allocation_runs (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pole_id            uuid NOT NULL REFERENCES poles,
    period_start       date NOT NULL,
    period_end         date NOT NULL CHECK (period_end > period_start),
    status             allocation_run_status NOT NULL DEFAULT 'draft',
    unallocated_cents  bigint NOT NULL DEFAULT 0,
    created_by         uuid REFERENCES users,
    created_at         timestamptz NOT NULL DEFAULT now(),
    computed_at        timestamptz NOT NULL DEFAULT now(),
    finalized_by       uuid REFERENCES users,
    finalized_at       timestamptz,
    UNIQUE (pole_id, id),
    CHECK ((status = 'finalized') = (finalized_at IS NOT NULL))
);
CREATE INDEX allocation_runs_pole_idx ON allocation_runs (pole_id, period_start);

-- How one cost was shared in one run: the rule used, frozen with the run.
CREATE TABLE allocation_run_costs (
    run_id             uuid NOT NULL REFERENCES allocation_runs,
    cost_id            uuid NOT NULL REFERENCES costs,
    -- The cost's place in the run, 1 to n, by which the lines name it.
    position           integer NOT NULL CHECK (position >= 1),
    rule               jsonb NOT NULL,
    -- What the lines' basis counts: hours, days, fte, euros, percent, km, uses.
    basis_unit         text NOT NULL,
    amount_cents       bigint NOT NULL,
    unallocated_cents  bigint NOT NULL CHECK (unallocated_cents >= 0),
    -- The member that contributed the resource, credited with the cost.
    credit_member_id   uuid,
    -- Copied from the run when it is finalised, so that the index below can hold it.
    finalized          boolean NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, cost_id),
    UNIQUE (run_id, position)
);
-- A cost is shared by one finalised run at most.
CREATE UNIQUE INDEX allocation_run_costs_finalized_once ON allocation_run_costs (cost_id) WHERE finalized;
CREATE INDEX allocation_run_costs_credit_idx ON allocation_run_costs (credit_member_id) WHERE credit_member_id IS NOT NULL;

-- Each member's lines of a run, as parallel arrays: the position of each cost in the run,
-- the member's basis, its exact share and its amount. A row per member keeps a year's
-- million lines to a thousand rows: written in one statement, and a member's statement
-- read in one row. allocation_line_items shows them one line per row.
CREATE TABLE allocation_lines (
    run_id          uuid NOT NULL REFERENCES allocation_runs,
    member_id       uuid NOT NULL REFERENCES members,
    cost_positions  integer[] NOT NULL,
    bases           double precision[] NOT NULL,
    shares          double precision[] NOT NULL,
    amounts_cents   bigint[] NOT NULL CHECK (0 <= ALL (amounts_cents)),
    PRIMARY KEY (run_id, member_id),
    CHECK (cardinality(bases) = cardinality(cost_positions) AND cardinality(shares) = cardinality(cost_positions)
           AND cardinality(amounts_cents) = cardinality(cost_positions))
);

CREATE VIEW allocation_line_items AS
SELECT l.run_id, l.member_id, rc.cost_id, u.basis, u.share, u.amount_cents
FROM allocation_lines l
CROSS JOIN LATERAL unnest(l.cost_positions, l.bases, l.shares, l.amounts_cents) AS u(position, basis, share, amount_cents)
JOIN allocation_run_costs rc ON rc.run_id = l.run_id AND rc.position = u.position;

-- A finalised run never changes: not the run, not its costs, not its lines, not the costs
-- it shared. Drafts stay free to be recomputed.
CREATE FUNCTION refuse_finalized_run_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'finalized' THEN
        RAISE EXCEPTION 'allocation run % is finalised and cannot change', OLD.id
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'allocation_run_finalized';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER allocation_runs_frozen BEFORE UPDATE OR DELETE ON allocation_runs
    FOR EACH ROW EXECUTE FUNCTION refuse_finalized_run_change();

-- The rows of a run (its costs, its lines) change only while it is a draft.
CREATE FUNCTION refuse_finalized_rows_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM allocation_runs
        WHERE status = 'finalized'
          AND id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.run_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.run_id END)
    ) THEN
        RAISE EXCEPTION 'a finalised allocation run cannot change'
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'allocation_run_finalized';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER allocation_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON allocation_lines
    FOR EACH ROW EXECUTE FUNCTION refuse_finalized_rows_change();
CREATE TRIGGER allocation_run_costs_frozen BEFORE INSERT OR UPDATE OR DELETE ON allocation_run_costs
    FOR EACH ROW EXECUTE FUNCTION refuse_finalized_rows_change();
CREATE TRIGGER allocation_lines_no_truncate BEFORE TRUNCATE ON allocation_lines
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER allocation_run_costs_no_truncate BEFORE TRUNCATE ON allocation_run_costs
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER allocation_runs_no_truncate BEFORE TRUNCATE ON allocation_runs
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE FUNCTION refuse_shared_cost_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM allocation_run_costs WHERE cost_id = OLD.id AND finalized) THEN
        RAISE EXCEPTION 'cost % is shared by a finalised run and cannot change', OLD.id
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'allocation_run_finalized';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER costs_frozen_when_shared BEFORE UPDATE OR DELETE ON costs
    FOR EACH ROW EXECUTE FUNCTION refuse_shared_cost_change();
CREATE TRIGGER costs_no_truncate BEFORE TRUNCATE ON costs
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
