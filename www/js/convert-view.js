// The conversion view: one payload, a JSON array of payloads or an NDJSON batch of one format
// (a create format, or an object exported from a vendor) converted into every other format.
//
// The records are converted in a Web Worker (js/convert-worker.js) with contactkit's
// convertMany, streamed from a file, a dropped file or a large paste (a paste over 1 MB is kept
// out of the textarea and read like a file), with a progress bar, Cancel, and announcements a
// screen reader can bear. The main thread shows one record at a time: it asks the worker for
// the record's text and checks and converts that one record itself (validate, convert, preview).
import { ContactkitError, convert, preview, validate } from "../pkg/contactkit.js";
import { download, h, jsonNode, plural, replaceChildren, setText } from "./dom.js";
import { findingLine, noteLine, pointerCode, tally } from "./findings.js";

const INPUT_DELAY_MS = 250;
/** Text longer than this (characters) is not kept in the textarea: it is read like a file. */
export const TEXTAREA_LIMIT = 1_000_000;
/** A source of at least this many bytes shows the progress bar at once. */
const PROGRESS_AT_BYTES = 256 * 1024;
/** The shortest interval between two progress announcements to screen readers. */
const ANNOUNCE_EVERY_MS = 5000;
/** The formats whose vendor response contactkit can preview. */
const PREVIEWED = new Set(["intercom", "bird", "helpscout"]);

let workerPolicy;

/**
 * The worker script's URL. The page enforces Trusted Types, so `new Worker()` takes a
 * TrustedScriptURL from the one policy the CSP allows, which accepts this URL only.
 */
function workerUrl() {
  const url = new URL("./convert-worker.js", import.meta.url).href;
  if (!globalThis.trustedTypes) return url;
  workerPolicy ??= globalThis.trustedTypes.createPolicy("contactkit-worker", {
    createScriptURL: (u) => {
      if (u !== url) throw new TypeError("contactkit-worker: not the conversion worker");
      return u;
    },
  });
  return workerPolicy.createScriptURL(url);
}

/** contactkit's answer for one record; a payload that is not a JSON object is a source rejection. */
function safely(fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ContactkitError && e.issues) return { error: e };
    throw e;
  }
}

/**
 * Whether the package offers the external-id choice (the convert option `externalId`):
 * probed, so that the page also works on a package without it (the control stays hidden).
 */
function externalIdSupport() {
  try {
    convert("canonical", "sequence", "{}", { externalId: "email" });
    return true;
  } catch (e) {
    if (e instanceof ContactkitError && e.code === "invalid_option") return false;
    throw e;
  }
}

/** The first number in a sorted list that is greater than `n`, or undefined. */
function nextAfter(sorted, n) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= n) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

const mb = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`);

export class ConvertView {
  /**
   * @param {object} els the static elements of the view (see index.html)
   * @param {Array<{id: string, title: string}>} formatList the create formats (formats())
   * @param {Array<{id: string, title: string}>} readList the read formats
   */
  constructor(els, formatList, readList) {
    this.els = els;
    this.formats = formatList;
    this.readFormats = readList;
    this.from = "helpscout";
    this.definitions = undefined;
    this.summary = undefined; // the worker's "done" message of the current source
    this.index = 0;
    this.sourceBlob = undefined; // a file, a drop or a big paste: not in the textarea
    this.fileName = "contacts";
    this.timer = undefined;
    this.worker = undefined;
    this.busy = false;
    this.jobId = 0;
    this.announceNext = false; // announce the status when the current run ends
    this.onChange = () => {};
    this.externalId = externalIdSupport();
    els.externalIdBox.hidden = !this.externalId;

    els.input.addEventListener("input", () => {
      if (els.input.value.length > TEXTAREA_LIMIT) {
        // Text that arrived other than by pasting (dropped text, an extension): read like a file.
        this.useBlob(new Blob([els.input.value], { type: "text/plain" }), "pasted", "Pasted text");
        return;
      }
      this.sourceBlob = undefined;
      this.fileName = "contacts";
      setText(els.fileNote, "");
      this.schedule();
    });
    els.input.addEventListener("paste", (e) => {
      const text = e.clipboardData?.getData("text/plain") ?? "";
      if (text.length <= TEXTAREA_LIMIT) return;
      e.preventDefault();
      this.useBlob(new Blob([text], { type: "text/plain" }), "pasted", "Pasted text");
    });
    for (const box of [els.lenient, els.normalize]) {
      box.addEventListener("change", () => {
        this.announceNext = true;
        this.run();
      });
    }
    els.externalIdSource.addEventListener("change", () => this.run());
    els.file.addEventListener("change", () => {
      const file = els.file.files?.[0];
      els.file.value = "";
      if (file) this.openFile(file);
    });
    els.drop.addEventListener("dragover", (e) => {
      if (![...(e.dataTransfer?.types ?? [])].some((t) => t === "Files" || t === "text/plain")) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      els.drop.classList.add("is-dragover");
    });
    els.drop.addEventListener("dragleave", (e) => {
      if (!els.drop.contains(e.relatedTarget)) els.drop.classList.remove("is-dragover");
    });
    els.drop.addEventListener("drop", (e) => {
      els.drop.classList.remove("is-dragover");
      const file = e.dataTransfer?.files?.[0];
      if (file) {
        e.preventDefault();
        this.openFile(file, "Dropped");
      }
    });
    els.cancel.addEventListener("click", () => this.cancel());
    els.prev.addEventListener("click", () => this.show(this.index - 1));
    els.next.addEventListener("click", () => this.show(this.index + 1));
    els.nextProblem.addEventListener("click", () => this.showNextProblem());
    els.record.addEventListener("change", () => this.show(Number(els.record.value) - 1));
  }

  title(id) {
    const info = this.formats.find((f) => f.id === id) ?? this.readFormats.find((f) => f.id === id);
    return info ? info.title : id;
  }

  shortName(id) {
    if (id === "canonical") return "Canonical";
    const read = this.readFormats.find((f) => f.id === id);
    return read ? read.short : this.title(id).split(" (")[0];
  }

  /** The create formats the records are converted into. */
  targets() {
    return this.formats.map((f) => f.id).filter((id) => id !== this.from);
  }

  setFormat(from) {
    this.from = from;
    this.announceNext = true;
    this.run();
  }

  setDefinitions(definitions) {
    this.definitions = definitions;
    this.run();
  }

  /** Puts a payload or NDJSON text into the input and converts it. */
  load(text, name = "contacts") {
    if (text.length > TEXTAREA_LIMIT) {
      this.useBlob(new Blob([text], { type: "text/plain" }), name, "Loaded text");
      return;
    }
    this.sourceBlob = undefined;
    this.fileName = name;
    setText(this.els.fileNote, "");
    this.els.input.value = text;
    this.announceNext = true;
    this.run();
  }

  /** Converts a source that stays out of the textarea (a file or a big paste). */
  useBlob(blob, name, what) {
    this.sourceBlob = blob;
    this.fileName = name;
    this.els.input.value = "";
    setText(this.els.fileNote, `${what}: ${mb(blob.size)}, too big to show here; converting it as a file.`);
    this.announceNext = true;
    this.run();
  }

  openFile(file, how = "Loaded") {
    const name = file.name.replace(/\.(nd)?jsonl?$/i, "").replace(/\.json$/i, "") || "contacts";
    if (file.size > TEXTAREA_LIMIT) {
      this.useBlob(file, name, file.name);
      return;
    }
    file.text().then((text) => {
      this.load(text, name);
      setText(this.els.fileNote, `${how} ${file.name}.`);
    });
  }

  /** The source text kept for a share link or across reloads, when it is in the textarea. */
  get text() {
    return this.sourceBlob ? undefined : this.els.input.value;
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), INPUT_DELAY_MS);
  }

  options() {
    const o = {};
    if (this.els.lenient.checked) o.lenient = true;
    if (this.els.normalize.checked) o.normalizeCustomKeys = true;
    if (this.definitions) o.definitions = this.definitions;
    if (this.externalId && this.els.externalIdSource.value) o.externalId = this.els.externalIdSource.value;
    return o;
  }

  /** Converts the source in the worker; a run still going is abandoned. */
  run() {
    clearTimeout(this.timer);
    this.onChange();
    const source = this.sourceBlob ?? new Blob([this.els.input.value], { type: "text/plain" });
    if (this.busy) this.stopWorker();
    this.jobId += 1;
    this.summary = undefined;
    if (this.els.input.value.trim() === "" && !this.sourceBlob) {
      this.hideProgress();
      this.render();
      return;
    }
    if (!this.worker) {
      this.worker = new Worker(workerUrl(), { type: "module" });
      this.worker.onmessage = (e) => this.onWorkerMessage(e.data);
      this.worker.onerror = (e) => this.failed(e.message || "the conversion worker could not start");
    }
    this.busy = true;
    this.job = { id: this.jobId, started: performance.now(), size: source.size, lastAnnounce: 0 };
    this.els.root.dataset.busy = "true";
    if (source.size >= PROGRESS_AT_BYTES) {
      this.showProgress(0, source.size, 0);
      this.announce(`Converting ${mb(source.size)}: the progress bar shows how far it got.`);
    }
    this.worker.postMessage({ type: "convert", from: this.from, targets: this.targets(), options: this.options(), source });
  }

  stopWorker() {
    this.worker?.terminate();
    this.worker = undefined;
    this.busy = false;
    delete this.els.root.dataset.busy;
  }

  /** Stops a running conversion (Cancel). */
  cancel() {
    if (!this.busy) return;
    this.stopWorker();
    this.jobId += 1;
    this.hideProgress();
    this.summary = undefined;
    this.els.status.dataset.state = "idle";
    setText(this.els.statusText, "Cancelled: nothing was converted. Change the input or an option to start again.");
    this.announce("Conversion cancelled.");
    replaceChildren(this.els.source);
    replaceChildren(this.els.targets);
    this.els.nav.hidden = true;
  }

  failed(message) {
    this.stopWorker();
    this.hideProgress();
    this.els.status.dataset.state = "invalid";
    setText(this.els.statusText, `The conversion failed: ${message}`);
    this.announce(`The conversion failed: ${message}`);
  }

  onWorkerMessage(msg) {
    if (msg.type === "progress") {
      if (!this.busy) return;
      const elapsed = performance.now() - this.job.started;
      if (!this.els.progress.hidden || elapsed > 300) this.showProgress(msg.done, msg.total, msg.records);
      if (elapsed - this.job.lastAnnounce >= ANNOUNCE_EVERY_MS && msg.total > 0) {
        this.job.lastAnnounce = elapsed;
        this.announce(`Converting: ${Math.floor((100 * msg.done) / msg.total)}% read, ${msg.records} records so far.`);
      }
    } else if (msg.type === "done") {
      this.busy = false;
      delete this.els.root.dataset.busy;
      this.hideProgress();
      this.summary = { ...msg, elapsed: performance.now() - this.job.started };
      this.els.root.dataset.elapsed = String(Math.round(this.summary.elapsed));
      this.index = this.summary.records > 1 ? Math.min(this.index, this.summary.records - 1) : 0;
      this.render();
    } else if (msg.type === "record") {
      this.pendingRecord?.(msg);
    } else if (msg.type === "failed") {
      this.failed(msg.message);
    }
  }

  showProgress(done, total, records) {
    const { progress, progressBar, progressText } = this.els;
    progress.hidden = false;
    progressBar.max = Math.max(total, 1);
    progressBar.value = done;
    setText(progressText, `${total ? Math.floor((100 * done) / total) : 0}% · ${records} records`);
  }

  hideProgress() {
    this.els.progress.hidden = true;
  }

  /** Says something to screen readers through the polite live region. */
  announce(text) {
    // A changed text is announced; the same text twice in a row is made different.
    const el = this.els.announce;
    el.textContent = el.textContent === text ? `${text}\u00a0` : text;
  }

  render() {
    const s = this.summary;
    const n = s ? s.records : 0;
    const name = this.shortName(this.from);
    const invalid = s ? s.invalid.length : 0;
    const mode = this.els.lenient.checked ? "lenient" : "strict";
    let status;
    if (n === 0) {
      status = `Paste a ${name} payload or NDJSON, load a sample, or open or drop a file.`;
    } else if (n === 1) {
      const converted = this.targets().filter((to) => s.perTarget[to].converted === 1).length;
      status = invalid
        ? `The payload is not valid ${name}: nothing can be converted.`
        : `Converted (${mode}) into ${converted} of ${this.targets().length} formats.`;
    } else {
      status = `${n} records: ${n - invalid} valid ${name}, ${invalid} invalid. Converted ${mode} in ${Math.max(1, Math.round(s.elapsed))} ms.`;
    }
    this.els.status.dataset.state = n === 0 ? "idle" : invalid === n ? "invalid" : invalid ? "warn" : "valid";
    setText(this.els.statusText, status);
    if (this.announceNext && n > 0) this.announce(status);
    this.announceNext = false;
    this.els.nav.hidden = n <= 1;
    if (n > 0) this.renderTargets();
    this.show(this.index);
  }

  /** Shows record `index`: asks the worker for its text, then checks and converts it here. */
  async show(index) {
    const s = this.summary;
    const n = s ? s.records : 0;
    if (n === 0) {
      replaceChildren(this.els.source);
      replaceChildren(this.els.targets, ...this.targets().map((to) => this.emptyCard(to)));
      return;
    }
    this.index = Math.max(0, Math.min(index, n - 1));
    this.els.record.max = String(n);
    this.els.record.value = String(this.index + 1);
    setText(this.els.recordOf, `of ${n}`);
    this.els.prev.disabled = this.index === 0;
    this.els.next.disabled = this.index === n - 1;
    this.els.nextProblem.disabled = s.invalid.length === 0;
    const jobId = this.jobId;
    const { text, label } = await this.recordText(this.index);
    if (jobId !== this.jobId || text === undefined) return; // a newer source
    const options = this.options();
    const source = safely(() => validate(this.from, text, { definitions: options.definitions }));
    const converted = {};
    for (const to of this.targets()) {
      const r = safely(() => convert(this.from, to, text, options));
      converted[to] = r.error ? { ok: false, stage: "source", issues: r.error.issues } : r;
    }
    const r = { label, source, converted };
    this.renderSource(r);
    for (const to of this.targets()) this.fillCard(to, r.converted[to]);
    this.els.root.dataset.shown = String(this.index + 1);
  }

  recordText(index) {
    return new Promise((resolve) => {
      this.pendingRecord = (msg) => {
        if (msg.index === index) resolve(msg);
      };
      this.worker.postMessage({ type: "record", index });
    });
  }

  /** A record that is not valid as the source format (every target rejects it). */
  showNextProblem() {
    const invalid = this.summary?.invalid;
    if (!invalid?.length) return;
    const next = nextAfter(invalid, this.index + 1) ?? invalid[0];
    this.show(next - 1);
  }

  renderSource(r) {
    const name = this.shortName(this.from);
    const batch = this.summary.records > 1;
    const where = batch ? `Record ${this.index + 1} (${r.label})` : "The payload";
    const issues = r.source.error ? r.source.error.issues : r.source.issues;
    const { errors, warnings } = tally(issues);
    const ok = !r.source.error && r.source.valid;
    const head = ok
      ? `${where} is valid ${name}${warnings ? ` (${plural(warnings, "warning")})` : ""}.`
      : `${where} is not valid ${name}: ${plural(errors, "error")}${warnings ? `, ${plural(warnings, "warning")}` : ""}. Every target rejects it at the source stage.`;
    const overview = ok
      ? h(
          "ul",
          { class: "overview", "aria-label": "Targets" },
          this.targets().map((to) => {
            const c = r.converted[to];
            const totals = this.summary.perTarget[to];
            return h(
              "li",
              { dataset: { target: to } },
              h("span", { class: "overview__name" }, this.shortName(to)),
              c.ok
                ? h("span", { class: "overview__ok" }, h("span", { "aria-hidden": "true" }, "✓ "), "converted", c.notes.length ? `, ${plural(c.notes.length, "note")}` : ", no notes")
                : h("span", { class: "overview__bad" }, h("span", { "aria-hidden": "true" }, "✖ "), `rejected at the ${c.stage} stage`, `: ${c.issues.map((i) => i.path || "(record)").join(", ")}`),
              batch ? h("span", { class: "muted small" }, `batch: ${totals.converted} of ${this.summary.records} converted`) : null,
            );
          }),
        )
      : null;
    replaceChildren(
      this.els.source,
      h("p", { class: ["source-head", ok ? "is-ok" : "is-bad"] }, h("span", { "aria-hidden": "true" }, ok ? "✓ " : "✖ "), head),
      issues.length ? h("ul", { class: "findings-list" }, issues.map((i) => h("li", {}, findingLine(i, pointerCode(i.path))))) : null,
      overview,
    );
  }

  /** The cards, one per target, with their batch totals and downloads. */
  renderTargets() {
    this.cards = new Map();
    const s = this.summary;
    const cards = this.targets().map((to) => {
      const totals = s.perTarget[to];
      const body = h("div", { class: "card__body" });
      const badge = h("span", { class: "pill" });
      const headingId = `conv-card-${to}`;
      const downloadBtn = this.downloadButton(`${to}.ndjson`, totals.output, totals.converted, `Download ${to}.ndjson`, plural(totals.converted, "record"));
      downloadBtn.dataset.download = to;
      const rejectsBtn = this.downloadButton(`${to}.rejects.ndjson`, totals.rejects, totals.rejected, "Download rejects", `${totals.rejected}, with reasons`);
      rejectsBtn.dataset.downloadRejects = to;
      rejectsBtn.classList.add("btn--ghost");
      const copyBtn = h("button", { type: "button", class: "btn btn--ghost btn--small", dataset: { copy: to } }, "Copy JSON");
      copyBtn.addEventListener("click", async () => {
        const pre = this.cards.get(to)?.payload;
        if (!pre) return;
        try {
          await navigator.clipboard.writeText(pre);
          setText(copyBtn, "Copied");
        } catch {
          setText(copyBtn, "Copy failed");
        }
        setTimeout(() => setText(copyBtn, "Copy JSON"), 1500);
      });
      const batch = s.records > 1 ? h("p", { class: "card__batch" }, `Batch: ${totals.converted} converted, ${totals.rejected} rejected`) : null;
      const card = h(
        "article",
        { class: "card target", dataset: { target: to }, "aria-labelledby": headingId },
        h("header", { class: "card__head" }, h("h3", { id: headingId }, this.shortName(to)), badge),
        h("p", { class: "card__sub muted" }, this.title(to)),
        batch,
        body,
        h("footer", { class: "card__foot" }, downloadBtn, rejectsBtn, copyBtn),
      );
      this.cards.set(to, { card, body, badge, copyBtn, payload: undefined });
      return card;
    });
    replaceChildren(this.els.targets, cards);
  }

  /** A button that downloads `blob` as `<file name>.<suffix>`; disabled when it holds no line. */
  downloadButton(suffix, blob, lines, label, count) {
    return h(
      "button",
      {
        type: "button",
        class: "btn btn--small",
        disabled: lines === 0,
        on: { click: () => download(`${this.fileName}.${suffix}`, blob) },
      },
      label,
      h("span", { class: "muted" }, ` (${count})`),
    );
  }

  emptyCard(to) {
    return h(
      "article",
      { class: "card target is-empty", dataset: { target: to } },
      h("header", { class: "card__head" }, h("h3", {}, this.shortName(to))),
      h("p", { class: "muted" }, "Nothing to convert yet."),
    );
  }

  fillCard(to, result) {
    const c = this.cards.get(to);
    const sourceName = this.shortName(this.from);
    const targetName = this.shortName(to);
    c.card.dataset.ok = String(result.ok);
    c.copyBtn.disabled = !result.ok;
    c.payload = result.ok ? JSON.stringify(result.payload, null, 2) : undefined;
    if (result.ok) {
      c.card.dataset.stage = "";
      replaceChildren(c.badge, h("span", { "aria-hidden": "true" }, "✓ "), "Converted");
      c.badge.className = "pill pill--ok";
      // Paths of `dropped` notes are in the source record, the others in the target payload:
      // each list says which.
      const changed = result.notes.filter((n) => n.code !== "dropped");
      const dropped = result.notes.filter((n) => n.code === "dropped");
      const previewed = PREVIEWED.has(to) ? safely(() => preview(to, result.payload, { definitions: this.definitions })) : undefined;
      replaceChildren(
        c.body,
        h("h4", {}, result.notes.length ? `Notes (${result.notes.length})` : "Notes"),
        changed.length
          ? [
              h("p", { class: "notes__title" }, `Changed: paths in the ${targetName} payload`),
              h("ul", { class: "notes", dataset: { side: "target" } }, changed.map((n) => noteLine(n, targetName))),
            ]
          : null,
        dropped.length
          ? [
              h("p", { class: "notes__title" }, `Left out: paths in the ${sourceName} source, ${plural(dropped.length, "value")}`),
              h("ul", { class: "notes", dataset: { side: "source" } }, dropped.map((n) => noteLine(n, sourceName))),
            ]
          : null,
        result.notes.length === 0 ? h("p", { class: "muted" }, "None: every value was carried over unchanged.") : null,
        h("h4", {}, "Payload"),
        h("pre", { class: "code", tabIndex: 0, role: "group", "aria-label": `${targetName} payload` }, jsonNode(result.payload)),
        previewed && previewed.ok
          ? h(
              "details",
              { class: "card__preview" },
              h("summary", {}, `What ${targetName} returns for it`),
              h("pre", { class: "code", tabIndex: 0, role: "group", "aria-label": `${targetName} response preview` }, jsonNode(previewed.payload)),
            )
          : null,
      );
    } else {
      c.card.dataset.stage = result.stage;
      replaceChildren(c.badge, h("span", { "aria-hidden": "true" }, "✖ "), `Rejected (${result.stage})`);
      c.badge.className = "pill pill--bad";
      if (result.stage === "source") {
        // The findings are those of the source check; not repeated in every card.
        const { errors } = tally(result.issues);
        replaceChildren(
          c.body,
          h("p", { class: "rejection" }, `Not converted: the record is not valid ${sourceName}.`),
          h("p", { class: "muted" }, `${plural(errors, "error")} in the source record: see the source check.`),
          this.els.lenient.checked ? h("p", { class: "muted" }, "Lenient mode does not apply here: it repairs only the converted payload, not an invalid source.") : null,
        );
        return;
      }
      const why = `Rejected at the target stage: the record cannot become a valid ${targetName} payload${this.els.lenient.checked ? ", even leniently" : ""}.`;
      replaceChildren(
        c.body,
        h("p", { class: "rejection" }, why),
        h("ul", { class: "findings-list" }, result.issues.map((i) => h("li", {}, findingLine(i, pointerCode(i.path))))),
        !this.els.lenient.checked && result.issues.some((i) => i.code !== "required")
          ? h("p", { class: "muted" }, "Lenient mode truncates too-long values and drops invalid optional ones instead.")
          : null,
      );
    }
  }
}
