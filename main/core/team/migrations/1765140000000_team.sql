-- Up Migration
-- The team database: where reps meet. Every rep connects as their own role (a member of dialdesk_rep);
-- row-level security, not Dialdesk's code, decides what a role may read or write. Managers are members
-- of dialdesk_manager and read everything. The admin who runs `cli team init` owns the tables.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dialdesk_rep') THEN CREATE ROLE dialdesk_rep NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dialdesk_manager') THEN CREATE ROLE dialdesk_manager NOLOGIN; END IF;
END $$;

CREATE SCHEMA dialdesk;
GRANT USAGE ON SCHEMA dialdesk TO dialdesk_rep, dialdesk_manager;

-- Who is who: a role's display name, for "recorded by …".
CREATE TABLE dialdesk.rep (
  role_name text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  manager boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON dialdesk.rep TO dialdesk_rep, dialdesk_manager;

-- What the team sets: how long a rep may go without syncing the do-not-call list before dialling stops.
CREATE TABLE dialdesk.team_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  stale_after_hours numeric NOT NULL DEFAULT 24 CHECK (stale_after_hours > 0)
);
INSERT INTO dialdesk.team_settings (id) VALUES (1);
GRANT SELECT ON dialdesk.team_settings TO dialdesk_rep, dialdesk_manager;

-- The company do-not-call list (47 CFR 64.1200(d)(3), (d)(6)): append-only for everyone but the admin.
CREATE TABLE dialdesk.dnc (
  id text PRIMARY KEY,
  number text NOT NULL CHECK (number ~ '^\+[0-9]{5,15}$'),
  reason text NOT NULL DEFAULT '',
  recorded_by text NOT NULL DEFAULT current_user,
  recorded_at timestamptz NOT NULL,
  seq bigint NOT NULL UNIQUE
);
CREATE INDEX dnc_number ON dialdesk.dnc (number);
CREATE SEQUENCE dialdesk.dnc_seq;

-- Readers pull "seq > the last one I saw". A sequence number taken by a transaction that commits after a
-- later one would be skipped for good, so writers take their number and commit one at a time (the lock
-- is held to the end of the transaction): whoever sees N has seen everything below N.
CREATE FUNCTION dialdesk.dnc_number_in_order() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('dialdesk.dnc'));
  NEW.seq := nextval('dialdesk.dnc_seq');
  RETURN NEW;
END $$;
CREATE TRIGGER dnc_number_in_order BEFORE INSERT ON dialdesk.dnc FOR EACH ROW EXECUTE FUNCTION dialdesk.dnc_number_in_order();

-- Wakes every listening rep (delivered at commit).
CREATE FUNCTION dialdesk.dnc_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dialdesk_dnc', NEW.seq::text);
  RETURN NULL;
END $$;
CREATE TRIGGER dnc_notify AFTER INSERT ON dialdesk.dnc FOR EACH ROW EXECUTE FUNCTION dialdesk.dnc_notify();

ALTER TABLE dialdesk.dnc ENABLE ROW LEVEL SECURITY;
CREATE POLICY dnc_read ON dialdesk.dnc FOR SELECT TO dialdesk_rep, dialdesk_manager USING (true);
CREATE POLICY dnc_record ON dialdesk.dnc FOR INSERT TO dialdesk_rep, dialdesk_manager WITH CHECK (recorded_by = current_user);
-- No UPDATE or DELETE for anyone but the admin: an opt-out binds the company.
GRANT SELECT, INSERT ON dialdesk.dnc TO dialdesk_rep, dialdesk_manager;

-- Every attempt of every rep: the team's learning and the manager's figures.
CREATE TABLE dialdesk.attempt (
  id text PRIMARY KEY,
  rep text NOT NULL DEFAULT current_user,
  lead_phone text NOT NULL,
  outcome text NOT NULL,
  started_at timestamptz NOT NULL,
  time_zone text,
  local_hour smallint CHECK (local_hour BETWEEN 0 AND 23),
  local_weekday smallint CHECK (local_weekday BETWEEN 1 AND 7),
  script_id text,
  script_version integer,
  pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attempt_rep ON dialdesk.attempt (rep, started_at);
ALTER TABLE dialdesk.attempt ENABLE ROW LEVEL SECURITY;
CREATE POLICY attempt_own ON dialdesk.attempt FOR SELECT TO dialdesk_rep USING (rep = current_user);
CREATE POLICY attempt_record ON dialdesk.attempt FOR INSERT TO dialdesk_rep, dialdesk_manager WITH CHECK (rep = current_user);
CREATE POLICY attempt_manager ON dialdesk.attempt FOR SELECT TO dialdesk_manager USING (true);
GRANT SELECT, INSERT ON dialdesk.attempt TO dialdesk_rep, dialdesk_manager;

-- A rep's notes on leads: their own.
CREATE TABLE dialdesk.note (
  id text PRIMARY KEY,
  rep text NOT NULL DEFAULT current_user,
  lead_phone text NOT NULL,
  body text NOT NULL,
  written_at timestamptz NOT NULL
);
ALTER TABLE dialdesk.note ENABLE ROW LEVEL SECURITY;
CREATE POLICY note_own ON dialdesk.note FOR ALL TO dialdesk_rep USING (rep = current_user) WITH CHECK (rep = current_user);
CREATE POLICY note_manager ON dialdesk.note FOR SELECT TO dialdesk_manager USING (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON dialdesk.note TO dialdesk_rep;
GRANT SELECT ON dialdesk.note TO dialdesk_manager;

-- The lead pool. One rep at a time holds a lead until its claim expires or is released.
CREATE TABLE dialdesk.lead (
  phone text PRIMARY KEY CHECK (phone ~ '^\+[0-9]{5,15}$'),
  name text NOT NULL DEFAULT '',
  company text NOT NULL DEFAULT '',
  time_zone text,
  offered_by text NOT NULL DEFAULT current_user,
  offered_at timestamptz NOT NULL DEFAULT now(),
  claimed_by text,
  claim_expires_at timestamptz,
  CHECK ((claimed_by IS NULL) = (claim_expires_at IS NULL))
);
CREATE INDEX lead_free ON dialdesk.lead (claim_expires_at NULLS FIRST);
CREATE INDEX lead_holder ON dialdesk.lead (claimed_by);
ALTER TABLE dialdesk.lead ENABLE ROW LEVEL SECURITY;
-- A rep sees and changes a lead that is free, theirs, or whose claim ran out; never another rep's live claim.
CREATE POLICY lead_rep_read ON dialdesk.lead FOR SELECT TO dialdesk_rep
  USING (claimed_by IS NULL OR claimed_by = current_user OR claim_expires_at < now());
CREATE POLICY lead_rep_claim ON dialdesk.lead FOR UPDATE TO dialdesk_rep
  USING (claimed_by IS NULL OR claimed_by = current_user OR claim_expires_at < now())
  WITH CHECK (claimed_by IS NULL OR claimed_by = current_user);
CREATE POLICY lead_rep_offer ON dialdesk.lead FOR INSERT TO dialdesk_rep
  WITH CHECK (offered_by = current_user AND claimed_by IS NULL);
CREATE POLICY lead_manager ON dialdesk.lead FOR ALL TO dialdesk_manager USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE (claimed_by, claim_expires_at) ON dialdesk.lead TO dialdesk_rep;
GRANT SELECT, INSERT, UPDATE ON dialdesk.lead TO dialdesk_manager;

-- Which of a rep's own leads another rep holds now (so the rep's planner leaves them alone), without saying who:
-- row-level security hides other reps' claims, so this one answer comes from a definer's function.
-- session_user is the rep's login role (current_user is the definer's inside it).
CREATE FUNCTION dialdesk.held_by_others(p_phones text[]) RETURNS SETOF text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT phone FROM dialdesk.lead
   WHERE phone = ANY(p_phones) AND claimed_by IS NOT NULL AND claimed_by <> session_user AND claim_expires_at > now()
$$;
REVOKE ALL ON FUNCTION dialdesk.held_by_others(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dialdesk.held_by_others(text[]) TO dialdesk_rep, dialdesk_manager;

-- What the team learned: dials and conversations by the lead's zone, local hour and ISO weekday, over every
-- rep's attempts, counted as the planner counts its own (a failed dial is no dial; a conversation is an answer).
-- A view runs with its owner's rights, so reps read the aggregate without reading each other's attempts.
-- current_user is still the reader: a rep's own attempts are left out, as the rep's planner has them already.
CREATE VIEW dialdesk.team_learned AS
  SELECT time_zone, local_hour, local_weekday,
         count(*) AS dials,
         count(*) FILTER (WHERE outcome = 'conversation') AS conversations
    FROM dialdesk.attempt
   WHERE time_zone IS NOT NULL AND local_hour IS NOT NULL AND outcome <> 'failed' AND rep <> current_user
   GROUP BY time_zone, local_hour, local_weekday;
GRANT SELECT ON dialdesk.team_learned TO dialdesk_rep, dialdesk_manager;

-- The manager's screen: one row a rep (and one for the team, rep IS NULL), one query.
CREATE VIEW dialdesk.rep_figures AS
  SELECT r.name AS rep,
         count(a.id) AS dials,
         count(a.id) FILTER (WHERE a.outcome = 'conversation') AS conversations,
         count(a.id) FILTER (WHERE a.outcome = 'voicemail') AS voicemails,
         count(a.id) FILTER (WHERE a.outcome = 'conversation')::float8 / nullif(count(a.id), 0) AS conversation_rate
    FROM dialdesk.attempt a LEFT JOIN dialdesk.rep r ON r.role_name = a.rep
   GROUP BY GROUPING SETS ((r.name), ());
GRANT SELECT ON dialdesk.rep_figures TO dialdesk_manager;

CREATE VIEW dialdesk.answer_by_hour AS
  SELECT local_hour, count(*) AS dials,
         count(*) FILTER (WHERE outcome = 'conversation') AS conversations
    FROM dialdesk.attempt WHERE local_hour IS NOT NULL GROUP BY local_hour;
GRANT SELECT ON dialdesk.answer_by_hour TO dialdesk_manager;

-- Adding a rep: a login role in dialdesk_rep (or dialdesk_manager) and its display name. Identifiers and
-- the password are quoted by format(%I, %L) here, so the caller passes them as parameters.
CREATE FUNCTION dialdesk.add_rep(p_role text, p_name text, p_password text, p_manager boolean) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF p_role !~ '^dialdesk_[a-z0-9_]{1,40}$' THEN RAISE EXCEPTION 'bad role name %', p_role; END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_role, p_password);
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_role, p_password);
  END IF;
  EXECUTE format('GRANT %I TO %I', CASE WHEN p_manager THEN 'dialdesk_manager' ELSE 'dialdesk_rep' END, p_role);
  INSERT INTO dialdesk.rep (role_name, name, manager) VALUES (p_role, p_name, p_manager)
    ON CONFLICT (role_name) DO UPDATE SET name = EXCLUDED.name, manager = EXCLUDED.manager;
END $$;
REVOKE ALL ON FUNCTION dialdesk.add_rep(text, text, text, boolean) FROM PUBLIC;

-- Down Migration
DROP SCHEMA dialdesk CASCADE;
