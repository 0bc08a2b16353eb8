import type { LeadDetail } from '../../shared/contract/index.js';
import { ScheduleSection } from './schedule-section.js';
import { VoicemailPanel } from './voicemail-panel.js';

/** The schedule's part of a lead's detail: when it may be called and what its voicemail promises. */
export function LeadSchedulePanels({ detail, onRecorded }: { detail: LeadDetail; onRecorded: () => void }) {
  const { lead, schedule, attempts } = detail;
  return (
    <>
      <ScheduleSection lead={lead} schedule={schedule} attempts={attempts} />
      <VoicemailPanel leadId={lead.id} historyKey={`${attempts.length}:${attempts[0]?.id ?? ''}`} onRecorded={onRecorded} />
    </>
  );
}
