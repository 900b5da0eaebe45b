-- Servers may remember who a token stands for instead of asking on every request. Whatever
-- can end or change that — a token revoked or deleted, a user disabled, moved or deleted —
-- is announced on the channel mutualis_access_changed when it commits, and every listening
-- server forgets what it remembered. The use of a token (last_used_at) is not announced.
CREATE FUNCTION notify_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mutualis_access_changed', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER api_tokens_access_changed
    AFTER UPDATE OF user_id, token_hash, scope, revoked_at OR DELETE OR TRUNCATE ON api_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed();
CREATE TRIGGER users_access_changed
    AFTER UPDATE OR DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed();
