const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** The phone keypad for menus ("press 2 for sales"); each press is sent as it happens. */
export function DtmfKeypad({ onTone, disabled, sent }: { onTone: (tone: string) => void; disabled: boolean; sent: string }) {
  return (
    <div className="dtmf">
      <div className="dtmf-keys" role="group" aria-label="Keypad">
        {KEYS.map((key) => (
          <button key={key} type="button" className="button dtmf-key" disabled={disabled} onClick={() => onTone(key)} aria-label={`Send ${key}`}>
            {key}
          </button>
        ))}
      </div>
      <p className="dtmf-sent muted" aria-live="polite">
        {sent ? `Sent: ${sent}` : 'Press a key to send it to the call.'}
      </p>
    </div>
  );
}
