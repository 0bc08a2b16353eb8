/**
 * AudioWorklet processor: hands the far end's audio to the page in ~20 ms
 * chunks (mono, the first channel) for the beep detector, which runs on the
 * page. Plain JavaScript: worklet modules load as they are, same-origin (CSP).
 */
class BeepTap extends AudioWorkletProcessor {
  constructor(options) {
    super();
    // The chunk length comes from the page (~20 ms at the context's rate); never 0, or process() would spin.
    const length = Math.max(128, Math.round((options && options.processorOptions && options.processorOptions.chunkLength) || 960));
    this.length = length;
    this.chunk = new Float32Array(length);
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
          // Transferring detaches the buffer (its length reads 0 afterwards): size the next one from this.length.
          this.port.postMessage(this.chunk, [this.chunk.buffer]);
          this.chunk = new Float32Array(this.length);
          this.filled = 0;
        }
      }
    }
    return this.running;
  }
}

registerProcessor('beep-tap', BeepTap);
