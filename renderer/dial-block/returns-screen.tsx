import { InboundHistory } from './inbound-history.js';
import { ReturnsView } from './returns-view.js';
import './dial-block.css';

/** Returns slot queue on top, the full inbound history below. */
export function ReturnsScreen() {
  return (
    <div className="returns-screen">
      <ReturnsView />
      <InboundHistory />
    </div>
  );
}
