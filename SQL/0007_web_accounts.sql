-- Signing in to the web pages. A user chooses a password through an invitation (single use,
-- seven days); the password is kept as a scrypt hash whose parameters travel with it, so that
-- they can be raised later without locking anyone out. Sessions are held here rather than in
-- a signed cookie, so that they survive a restart and end at once: a disabled user or a new
-- password ends them (the session lookup requires an enabled user; a new password deletes
-- them). Failed sign-ins are kept a while to throttle guessing per account and per address.
ALTER TABLE users
    ADD COLUMN password_hash text CHECK (length(password_hash) <= 400),
    ADD COLUMN password_changed_at timestamptz;

CREATE TABLE invitations (
    token_hash  bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX invitations_user_idx ON invitations (user_id);

CREATE TABLE web_sessions (
    token_hash    bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id       uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    -- Every form of the session carries it; a POST without it is refused.
    csrf_token    text NOT NULL CHECK (length(csrf_token) BETWEEN 32 AND 100),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX web_sessions_user_idx ON web_sessions (user_id);

CREATE TABLE sign_in_failures (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email    text NOT NULL CHECK (length(email) <= 320),
    address  text NOT NULL CHECK (length(address) <= 100),
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_email_idx ON sign_in_failures (lower(email), at);
CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (address, at);
