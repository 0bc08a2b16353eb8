-- Up Migration
-- A lead's history travels with its claim: while a rep holds a lead, the database shows them every
-- rep's attempts on it (and only then), so the claiming rep's planner and the law's caps see the calls
-- already made. The promise an attempt made travels too: the new holder can keep it.
ALTER TABLE dialdesk.attempt ADD COLUMN promised_for timestamptz;
CREATE INDEX attempt_lead ON dialdesk.attempt (lead_phone);
CREATE POLICY attempt_held ON dialdesk.attempt FOR SELECT TO dialdesk_rep
  USING (EXISTS (SELECT 1 FROM dialdesk.lead l
                  WHERE l.phone = attempt.lead_phone AND l.claimed_by = current_user AND l.claim_expires_at > now()));

-- Down Migration
DROP POLICY attempt_held ON dialdesk.attempt;
DROP INDEX dialdesk.attempt_lead;
ALTER TABLE dialdesk.attempt DROP COLUMN promised_for;
