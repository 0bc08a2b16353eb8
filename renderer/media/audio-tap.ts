const WORKLET_URL = new URL('./beep-tap-worklet.js', import.meta.url);
const loaded = new WeakMap<AudioContext, Promise<void>>();

export interface AudioTap {
  stop(): void;
}

/**
 * Hands a stream's audio (mono, ~20 ms chunks at the context's rate) to
 * `onChunk` through an AudioWorklet: the beep detector listens to the far end
 * with it, the voicemail recorder to the microphone.
 */
export async function tapStream(context: AudioContext, stream: MediaStream, onChunk: (chunk: Float32Array) => void): Promise<AudioTap> {
  let ready = loaded.get(context);
  if (!ready) {
    ready = context.audioWorklet.addModule(WORKLET_URL.href);
    loaded.set(context, ready);
  }
  await ready;
  const source = context.createMediaStreamSource(stream);
  const tap = new AudioWorkletNode(context, 'beep-tap', {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    channelCount: 1,
    channelCountMode: 'explicit',
    processorOptions: { chunkLength: Math.round(context.sampleRate * 0.02) },
  });
  // Chromium renders a worklet only while it is pulled towards the destination; it outputs silence.
  const sink = context.createGain();
  sink.gain.value = 0;
  tap.connect(sink).connect(context.destination);
  let stopped = false;
  tap.port.onmessage = (message: MessageEvent<Float32Array>) => {
    if (!stopped) onChunk(message.data);
  };
  source.connect(tap);
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      tap.port.postMessage('stop');
      tap.port.onmessage = null;
      source.disconnect();
      tap.disconnect();
      sink.disconnect();
    },
  };
}
