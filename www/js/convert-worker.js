// The conversion worker: reads the source (a File, or a Blob made from pasted text) a slice at
// a time, has the records converted with contactkit's convertMany into every target, and keeps
// the converted NDJSON and the rejects as Blobs, so that the page's main thread only shows
// progress and results. It hands chunks of records to helper workers (this same script), one
// per processor core but one (at least one, at most four), and puts their results back in
// input order. One job per
// worker: the page terminates it (and so its helpers) to cancel.
//
// Messages in:  {type: "convert", from, targets, options, source: Blob}
//               {type: "record", index}  → {type: "record", index, text, label}
//               {type: "chunk", seq, from, targets, options, text, firstRecord} (helpers)
// Messages out: {type: "progress", done, total, records}
//               {type: "done", ...}  (see finish())
//               {type: "chunk", seq, results} (helpers)
//               {type: "failed", message}
import init, { convertMany } from "../pkg/contactkit.js";

const SLICE_BYTES = 1 << 20; // read 1 MB of the source at a time
const CHUNK_RECORDS = 500; // records per convertMany call
const PROGRESS_MS = 100; // at most ten progress messages a second
const PART_BYTES = 4 << 20; // collect output text into Blob parts of about 4 MB
const SINGLE_MAX = 4 << 20; // a source up to 4 MB may be one (pretty-printed) JSON value

// One helper per core but one, which stays free for the page's main thread, up to four.
const HELPERS = Math.max(1, Math.min((navigator.hardwareConcurrency || 2) - 1, 4));
const IN_FLIGHT = 2; // chunks queued per helper

const ready = init();
let job; // the source and where its records are, for "record" requests

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    await ready;
    if (msg.type === "convert") await convert(msg);
    else if (msg.type === "record") self.postMessage({ type: "record", index: msg.index, ...(await record(msg.index)) });
    else if (msg.type === "chunk") {
      const results = convertMany(msg.from, msg.targets, msg.text, { ...msg.options, firstRecord: msg.firstRecord });
      self.postMessage({ type: "chunk", seq: msg.seq, results });
    }
  } catch (e) {
    self.postMessage({ type: "failed", message: e && e.message ? e.message : String(e) });
  }
};

/**
 * The helper workers and the chunks they work on: results are applied in input order, and at
 * most IN_FLIGHT chunks per helper wait, so memory stays bounded however big the source.
 */
class Pool {
  constructor(state) {
    this.state = state;
    this.helpers = [];
    this.next = 0; // the next chunk number to hand out
    this.applied = 0; // chunks applied so far
    this.waiting = new Map(); // chunk number → results that arrived early
    this.resume = undefined; // resolves when a chunk was applied (backpressure, end)
    this.error = undefined;
    for (let i = 0; i < HELPERS; i += 1) {
      const helper = new Worker(new URL(import.meta.url), { type: "module" });
      helper.onmessage = (e) => this.received(e.data);
      helper.onerror = (e) => this.fail(e.message || "a conversion helper failed");
      this.helpers.push(helper);
    }
  }

  received(msg) {
    if (msg.type === "failed") return this.fail(msg.message);
    this.waiting.set(msg.seq, msg.results);
    while (this.waiting.has(this.applied)) {
      apply(this.state, this.waiting.get(this.applied));
      this.waiting.delete(this.applied);
      this.applied += 1;
    }
    this.wake();
    return undefined;
  }

  fail(message) {
    this.error = new Error(message);
    this.wake();
  }

  wake() {
    const resume = this.resume;
    this.resume = undefined;
    resume?.();
  }

  async until(done) {
    while (!done()) {
      if (this.error) throw this.error;
      await new Promise((resolve) => {
        this.resume = resolve;
      });
    }
    if (this.error) throw this.error;
  }

  /** Hands a chunk (NDJSON text) to the next helper; waits while too many are queued. */
  async submit(text, firstRecord) {
    await this.until(() => this.next - this.applied < IN_FLIGHT * this.helpers.length);
    const { from, targets, options } = this.state;
    const seq = this.next;
    this.next += 1;
    this.helpers[seq % this.helpers.length].postMessage({ type: "chunk", seq, from, targets, options, text, firstRecord });
  }

  /** Waits for every chunk, then ends the helpers. */
  async drain() {
    await this.until(() => this.applied === this.next);
    for (const helper of this.helpers) helper.terminate();
  }
}

/** Text collected into Blob parts, so that big outputs leave the JavaScript heap. */
class Sink {
  constructor(type) {
    this.type = type;
    this.parts = [];
    this.pending = [];
    this.pendingLength = 0;
  }

  push(text) {
    if (text === "") return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= PART_BYTES) this.flush();
  }

  flush() {
    if (this.pending.length) this.parts.push(new Blob(this.pending, { type: this.type }));
    this.pending = [];
    this.pendingLength = 0;
  }

  blob() {
    this.flush();
    return new Blob(this.parts, { type: this.type });
  }
}

/** Whether the bytes [start, end) hold only spaces, tabs and CRs (a blank line: no record). */
function blank(bytes, start, end) {
  for (let i = start; i < end; i += 1) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** A growable list of numbers. */
class Numbers {
  constructor(Type = Float64Array) {
    this.Type = Type;
    this.data = new Type(1024);
    this.length = 0;
  }

  push(n) {
    if (this.length === this.data.length) {
      const bigger = new this.Type(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = n;
    this.length += 1;
  }

  view() {
    return this.data.subarray(0, this.length);
  }
}

async function convert({ from, targets, options, source }) {
  const started = performance.now();
  const state = {
    from,
    targets,
    options,
    started,
    records: 0,
    total: source.size,
    done: 0,
    lastProgress: 0,
    outputs: targets.map(() => new Sink("application/x-ndjson")),
    rejects: targets.map(() => new Sink("application/x-ndjson")),
    converted: targets.map(() => 0),
    invalid: new Numbers(Uint32Array), // records rejected at the source stage
  };
  const shape = await sniff(source);
  if (shape.kind === "single") {
    // One record: converted here, without helpers.
    job = { kind: "items", items: shape.items, labels: shape.labels };
    apply(state, convertMany(from, targets, shape.items[0], options));
  } else {
    const pool = new Pool(state);
    if (shape.kind === "ndjson") {
      job = { kind: "ndjson", source, starts: new Numbers(), ends: new Numbers(), lines: new Numbers(Uint32Array) };
      await streamLines(source, state, pool);
    } else {
      // A JSON array: its items are the records, kept as lines.
      job = { kind: "items", items: shape.items, labels: shape.labels };
      const n = shape.items.length;
      for (let i = 0; i < n; i += CHUNK_RECORDS) {
        await pool.submit(shape.items.slice(i, i + CHUNK_RECORDS).join("\n"), i + 1);
        state.done = Math.round((state.total * Math.min(i + CHUNK_RECORDS, n)) / n);
        progress(state, false);
      }
    }
    await pool.drain();
  }
  finish(state, shape.kind);
}

/** Decides how the source is read: an array, one JSON value, or NDJSON. */
async function sniff(source) {
  const head = await source.slice(0, 4096).text();
  const first = head.replace(/^\uFEFF/, "").trimStart()[0];
  if (first === "[" || source.size <= SINGLE_MAX) {
    const text = await source.text();
    try {
      const value = JSON.parse(text.replace(/^\uFEFF/, ""));
      if (Array.isArray(value)) {
        return { kind: "array", items: value.map((v) => JSON.stringify(v)), labels: "item" };
      }
      // One JSON value (perhaps pretty-printed over several lines) is one record.
      return { kind: "single", items: [JSON.stringify(value)], labels: "payload" };
    } catch {
      if (first === "[") {
        // Not JSON: contactkit reports the syntax error of the whole text as one record.
        return { kind: "single", items: [text.replace(/\r?\n/g, " ")], labels: "payload" };
      }
    }
  }
  return { kind: "ndjson" };
}

/** Reads NDJSON a slice at a time; every CHUNK_RECORDS records go to a helper. */
async function streamLines(source, state, pool) {
  const decoder = new TextDecoder();
  let offset = 0; // byte offset of `carry` in the source
  let carry = new Uint8Array(0);
  let lineNumber = 1;
  let chunkStart = -1; // byte offset where the pending chunk's text starts
  let chunkEnd = 0;
  let chunkFirst = 1; // number of the chunk's first record
  let chunkRecords = 0;
  let chunkBytes = null; // the bytes the pending chunk lies in
  const chunks = []; // [text, firstRecord] of the current read, submitted after the scan
  const flush = () => {
    if (chunkRecords === 0) return;
    const text = decoder.decode(chunkBytes.subarray(chunkStart - chunkBytes.base, chunkEnd - chunkBytes.base));
    chunks.push([text, chunkFirst]);
    chunkFirst += chunkRecords;
    chunkRecords = 0;
    chunkStart = -1;
  };
  for (let pos = 0; pos < source.size || carry.length; ) {
    const slice = pos < source.size ? new Uint8Array(await source.slice(pos, pos + SLICE_BYTES).arrayBuffer()) : new Uint8Array(0);
    pos += slice.length;
    const last = pos >= source.size;
    let bytes = slice;
    if (carry.length) {
      bytes = new Uint8Array(carry.length + slice.length);
      bytes.set(carry);
      bytes.set(slice, carry.length);
    }
    bytes.base = offset; // a chunk never spans two reads: each read ends with flush()
    let lineStart = 0;
    for (;;) {
      let nl = bytes.indexOf(0x0a, lineStart);
      if (nl === -1) {
        if (!last) break;
        nl = bytes.length; // the last line has no newline
        if (lineStart === nl) break;
      }
      let start = lineStart;
      // A byte-order mark at the very start of the source is not part of the first record.
      if (offset + start === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
      if (!blank(bytes, start, nl)) {
        if (chunkStart === -1) {
          chunkStart = offset + start;
          chunkBytes = bytes;
        }
        chunkEnd = offset + nl;
        chunkRecords += 1;
        job.starts.push(offset + start);
        job.ends.push(offset + nl);
        job.lines.push(lineNumber);
        if (chunkRecords === CHUNK_RECORDS) flush();
      }
      lineNumber += 1;
      lineStart = nl + 1;
      if (nl >= bytes.length) break;
    }
    flush();
    for (const [text, first] of chunks.splice(0)) await pool.submit(text, first);
    carry = lineStart < bytes.length ? bytes.slice(lineStart) : new Uint8Array(0);
    if (last) carry = new Uint8Array(0);
    offset += lineStart;
    state.done = Math.min(offset, state.total);
    progress(state, false);
    if (last) break;
  }
}

/** Takes in the results of one chunk of records (convertMany's, one per target). */
function apply(state, results) {
  results.forEach((r, t) => {
    state.outputs[t].push(r.output);
    state.rejects[t].push(r.rejects);
    state.converted[t] += r.converted;
  });
  state.records += results[0].records;
  // Source-stage rejects are the same for every target: take them from the first one.
  const rejects = results[0].rejects;
  for (let at = rejects.indexOf('"stage":"source"'); at !== -1; at = rejects.indexOf('"stage":"source"', at + 1)) {
    // The line starts with {"record":N,"stage":"source" …
    const lineStart = rejects.lastIndexOf("\n", at) + 1;
    const n = Number(rejects.slice(lineStart + 10, at - 1));
    if (Number.isSafeInteger(n)) state.invalid.push(n);
  }
}

function progress(state, force) {
  const now = performance.now();
  if (!force && now - state.lastProgress < PROGRESS_MS) return;
  state.lastProgress = now;
  self.postMessage({ type: "progress", done: state.done, total: state.total, records: state.records });
}

function finish(state, kind) {
  progress(state, true);
  const perTarget = {};
  state.targets.forEach((to, t) => {
    perTarget[to] = {
      converted: state.converted[t],
      rejected: state.records - state.converted[t],
      output: state.outputs[t].blob(),
      rejects: state.rejects[t].blob(),
    };
  });
  const invalid = state.invalid.view().slice();
  self.postMessage(
    {
      type: "done",
      kind,
      records: state.records,
      invalid,
      perTarget,
      elapsed: performance.now() - state.started,
    },
    [invalid.buffer],
  );
}

/** The text and label of record `index` (from 0). */
async function record(index) {
  if (!job) return { text: undefined, label: "" };
  if (job.kind === "items") {
    const label = job.labels === "item" ? `item ${index + 1}` : "the payload";
    return { text: job.items[index], label };
  }
  const start = job.starts.data[index];
  const end = job.ends.data[index];
  if (index >= job.starts.length) return { text: undefined, label: "" };
  const text = await job.source.slice(start, end).text();
  return { text, label: `line ${job.lines.data[index]}` };
}
