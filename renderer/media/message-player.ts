export interface PlayingMessage {
  /** Resolves when the message ended by itself (completed) or was taken back. */
  done: Promise<{ completed: boolean; playedS: number }>;
  /** Stops the message and gives the line back to the microphone. */
  takeBack(): Promise<void>;
}

export interface MessageTarget {
  context: AudioContext;
  /** Swaps the call's outgoing audio: a track for the message, null for the microphone again. */
  sendInsteadOfMicrophone(track: MediaStreamTrack | null): Promise<void>;
}

/** Decoded ahead (when the call is answered), so the message starts the moment the beep is heard. */
export function decodeMessage(context: AudioContext, wav: Uint8Array): Promise<AudioBuffer> {
  // decodeAudioData detaches what it is given: hand it a copy.
  return context.decodeAudioData(wav.slice().buffer);
}

/**
 * Plays a voicemail message into the call: decoded, sent through
 * a MediaStreamAudioDestinationNode in place of the microphone, and played
 * quietly to the rep so they hear what the lead's machine records.
 */
export async function playIntoCall(target: MessageTarget, buffer: AudioBuffer, monitorVolume = 0.2): Promise<PlayingMessage> {
  const { context } = target;
  const source = context.createBufferSource();
  source.buffer = buffer;
  const outgoing = context.createMediaStreamDestination();
  const monitor = context.createGain();
  monitor.gain.value = monitorVolume;
  source.connect(outgoing);
  source.connect(monitor).connect(context.destination);
  await target.sendInsteadOfMicrophone(outgoing.stream.getAudioTracks()[0]);

  let settle!: (value: { completed: boolean; playedS: number }) => void;
  const done = new Promise<{ completed: boolean; playedS: number }>((resolve) => (settle = resolve));
  const startedAt = context.currentTime;
  let finished = false;
  const finish = async (completed: boolean) => {
    if (finished) return;
    finished = true;
    source.onended = null;
    try {
      source.stop();
    } catch {
      // already stopped
    }
    source.disconnect();
    monitor.disconnect();
    const playedS = Math.min(buffer.duration, context.currentTime - startedAt);
    try {
      await target.sendInsteadOfMicrophone(null);
    } finally {
      for (const track of outgoing.stream.getTracks()) track.stop();
      settle({ completed, playedS });
    }
  };
  source.onended = () => void finish(true);
  source.start();
  return { done, takeBack: () => finish(false) };
}
