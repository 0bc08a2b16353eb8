/**
 * AudioWorklet processor: hands the far end's audio to the page in ~20 ms
 * chunks (mono, the first channel) for the beep detector, which runs on the
 * page. Plain JavaScript: worklet modules load as they are, same-origin (CSP).
 */
class BeepTap extends AudioWorkletProcessor {
  constructor() {
    super();
    this.chunk = new Float32Array(Math.round(sampleRate * 0.02));
    this.filled = 0;
    this.running = true;
    this.port.onmessage = (event) => {
      if (event.data === 'stop') this.running = false;
    };
  }

  process(inputs) {
    const input = inputs[0] && inputs[0][0];
    if (input) {
      let offset = 0;
      while (offset < input.length) {
        const take = Math.min(input.length - offset, this.chunk.length - this.filled);
        this.chunk.set(input.subarray(offset, offset + take), this.filled);
        this.filled += take;
        offset += take;
        if (this.filled === this.chunk.length) {
          this.port.postMessage(this.chunk, [this.chunk.buffer]);
          this.chunk = new Float32Array(this.chunk.length);
          this.filled = 0;
        }
      }
    }
    return this.running;
  }
}

registerProcessor('beep-tap', BeepTap);
