-- Up Migration
-- The manager's figures. Each rep's Dialdesk already folds its own stats (main/core/stats/stats-fold.ts:
-- dials, conversations, voicemails, returns after a voicemail, promises kept and broken, answers by the
-- lead's local hour, voicemails and returns per script version), one tally per day of the rep's zone.
-- The sync sends each day's tally through the outbox when it changed; a day's row is that day's whole
-- tally, so a resent item overwrites the row with the same figures and nothing is counted twice. The
-- team's figures are the same rules as the rep's own Stats screen, summed here, never re-derived.

CREATE TABLE dialdesk.rep_day (
  rep text NOT NULL DEFAULT current_user,
  day date NOT NULL,
  dials integer NOT NULL CHECK (dials >= 0),
  conversations integer NOT NULL CHECK (conversations >= 0),
  voicemails integer NOT NULL CHECK (voicemails >= 0),
  returns integer NOT NULL CHECK (returns >= 0),
  promises_kept integer NOT NULL CHECK (promises_kept >= 0),
  promises_broken integer NOT NULL CHECK (promises_broken >= 0),
  -- By the lead's local hour 0…23.
  hour_dials integer[] NOT NULL CHECK (cardinality(hour_dials) = 24),
  hour_conversations integer[] NOT NULL CHECK (cardinality(hour_conversations) = 24),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rep, day)
);
ALTER TABLE dialdesk.rep_day ENABLE ROW LEVEL SECURITY;
CREATE POLICY rep_day_own ON dialdesk.rep_day FOR ALL TO dialdesk_rep, dialdesk_manager
  USING (rep = current_user) WITH CHECK (rep = current_user);
CREATE POLICY rep_day_manager ON dialdesk.rep_day FOR SELECT TO dialdesk_manager USING (true);
GRANT SELECT, INSERT, UPDATE ON dialdesk.rep_day TO dialdesk_rep, dialdesk_manager;

-- Voicemails left with a script version on a day, and the returns they brought (credited to the day left).
CREATE TABLE dialdesk.rep_day_script (
  rep text NOT NULL DEFAULT current_user,
  day date NOT NULL,
  script_id text NOT NULL,
  script_version integer NOT NULL,
  script_name text NOT NULL,
  voicemails integer NOT NULL CHECK (voicemails >= 0),
  returns integer NOT NULL CHECK (returns >= 0),
  PRIMARY KEY (rep, day, script_id, script_version)
);
ALTER TABLE dialdesk.rep_day_script ENABLE ROW LEVEL SECURITY;
CREATE POLICY rep_day_script_own ON dialdesk.rep_day_script FOR ALL TO dialdesk_rep, dialdesk_manager
  USING (rep = current_user) WITH CHECK (rep = current_user);
CREATE POLICY rep_day_script_manager ON dialdesk.rep_day_script FOR SELECT TO dialdesk_manager USING (true);
GRANT SELECT, INSERT, DELETE ON dialdesk.rep_day_script TO dialdesk_rep, dialdesk_manager;

-- The screen's views, by day so the screen picks its range; managers only (a view reads with its owner's
-- rights, so it is granted to no rep: a rep's query is refused, and the tables' policies show a rep only
-- their own rows anyway).
DROP VIEW dialdesk.rep_figures;
DROP VIEW dialdesk.answer_by_hour;

CREATE VIEW dialdesk.rep_day_figures AS
  SELECT coalesce(r.name, d.rep) AS rep, d.day, d.dials, d.conversations, d.voicemails, d.returns, d.promises_kept, d.promises_broken
    FROM dialdesk.rep_day d LEFT JOIN dialdesk.rep r ON r.role_name = d.rep;

CREATE VIEW dialdesk.script_day_figures AS
  SELECT coalesce(r.name, s.rep) AS rep, s.day, s.script_id, s.script_version, s.script_name, s.voicemails, s.returns
    FROM dialdesk.rep_day_script s LEFT JOIN dialdesk.rep r ON r.role_name = s.rep;

CREATE VIEW dialdesk.hour_day_figures AS
  SELECT d.day, (h.ordinality - 1)::integer AS hour, h.dials, h.conversations
    FROM dialdesk.rep_day d, unnest(d.hour_dials, d.hour_conversations) WITH ORDINALITY AS h(dials, conversations, ordinality);

REVOKE ALL ON dialdesk.rep_day_figures, dialdesk.script_day_figures, dialdesk.hour_day_figures FROM PUBLIC;
GRANT SELECT ON dialdesk.rep_day_figures, dialdesk.script_day_figures, dialdesk.hour_day_figures TO dialdesk_manager;

-- Down Migration
DROP VIEW dialdesk.hour_day_figures;
DROP VIEW dialdesk.script_day_figures;
DROP VIEW dialdesk.rep_day_figures;
DROP TABLE dialdesk.rep_day_script;
DROP TABLE dialdesk.rep_day;
