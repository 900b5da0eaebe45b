-- The coordinators' pages. A draft run keeps what it charged before its last recompute, so
-- that the page can say what a recompute changed (new costs, late bookings) before anyone
-- finalises it. A decision on a booking keeps the reason the coordinator gave, which the
-- member reads. A pole publishes its pooling figures for one period, or none: the public
-- page answers only for the period published.
ALTER TABLE allocation_runs
    ADD COLUMN previous_computed_at timestamptz,
    -- {"MEMBER_ID": cents charged, ...} and {"COST_ID": cents, ...} as the previous computation had them.
    ADD COLUMN previous_charges jsonb,
    ADD COLUMN previous_costs jsonb;

ALTER TABLE bookings
    ADD COLUMN decision_reason text NOT NULL DEFAULT '' CHECK (length(decision_reason) <= 500);

ALTER TABLE poles
    ADD COLUMN published_from date,
    ADD COLUMN published_to date,
    ADD CONSTRAINT poles_publication CHECK ((published_from IS NULL) = (published_to IS NULL) AND published_to > published_from);

-- The approval queue, oldest first.
CREATE INDEX bookings_pending_idx ON bookings (pole_id, created_at) WHERE status = 'pending';
