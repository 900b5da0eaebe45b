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
    rule               jsonb NOT NULL,
    -- What the lines' basis counts: hours, days, fte, euros, percent, km, uses.
    basis_unit         text NOT NULL,
    amount_cents       bigint NOT NULL,
    unallocated_cents  bigint NOT NULL CHECK (unallocated_cents >= 0),
    -- The member that contributed the resource, credited with the cost.
    credit_member_id   uuid,
    -- Copied from the run when it is finalised, so that the index below can hold it.
    finalized          boolean NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, cost_id)
);
-- A cost is shared by one finalised run at most.
CREATE UNIQUE INDEX allocation_run_costs_finalized_once ON allocation_run_costs (cost_id) WHERE finalized;
CREATE INDEX allocation_run_costs_credit_idx ON allocation_run_costs (credit_member_id) WHERE credit_member_id IS NOT NULL;

-- Each member's share of each cost. No foreign keys: a year's run writes about a million
-- lines, and a row-by-row check of each would cost more than the whole run; the store
-- writes lines only with their run and costs, in one transaction.
CREATE TABLE allocation_lines (
    run_id        uuid NOT NULL,
    member_id     uuid NOT NULL,
    cost_id       uuid NOT NULL,
    basis         double precision NOT NULL,
    share         double precision NOT NULL,
    amount_cents  bigint NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (run_id, member_id, cost_id)
);

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

-- Statement-level, over the rows touched: a recomputed draft replaces a million lines at once.
CREATE FUNCTION refuse_finalized_rows_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM touched_rows t JOIN allocation_runs r ON r.id = t.run_id WHERE r.status = 'finalized') THEN
        RAISE EXCEPTION 'a finalised allocation run cannot change'
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'allocation_run_finalized';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER allocation_lines_frozen_insert AFTER INSERT ON allocation_lines
    REFERENCING NEW TABLE AS touched_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_finalized_rows_change();
CREATE TRIGGER allocation_lines_frozen_update AFTER UPDATE ON allocation_lines
    REFERENCING OLD TABLE AS touched_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_finalized_rows_change();
CREATE TRIGGER allocation_lines_frozen_delete AFTER DELETE ON allocation_lines
    REFERENCING OLD TABLE AS touched_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_finalized_rows_change();
CREATE TRIGGER allocation_run_costs_frozen_insert AFTER INSERT ON allocation_run_costs
    REFERENCING NEW TABLE AS touched_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_finalized_rows_change();
CREATE TRIGGER allocation_run_costs_frozen_update AFTER UPDATE ON allocation_run_costs
    REFERENCING OLD TABLE AS touched_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_finalized_rows_change();
CREATE TRIGGER allocation_run_costs_frozen_delete AFTER DELETE ON allocation_run_costs
    REFERENCING OLD TABLE AS touched_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_finalized_rows_change();
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
