import { MediaHost } from '../media/media-host.js';
import { CallAnnouncer } from './call-announcer.js';
import { VoicemailDropBar } from './voicemail-drop-bar.js';
import { CallBar } from './call-bar.js';
import { InboundRinging } from './inbound-ringing.js';
import { RegistrationStatus } from './registration-status.js';
import './calls.css';

/** Everything phone-related that lives across screens: media module, line status, ringing, call bar. Mount once. */
export function CallLayer() {
  return (
    <div className="call-layer">
      <MediaHost />
      <CallAnnouncer />
      <RegistrationStatus />
      <InboundRinging />
      <CallBar />
      <VoicemailDropBar />
    </div>
  );
}
