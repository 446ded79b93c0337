// The conversion preview: one payload, a JSON array of payloads or an NDJSON batch of one
// format, converted into every other format side by side with the notes and rejections;
// downloads of the converted NDJSON per target.
import { ContactkitError, convert, validate } from "../pkg/contactkit.js";
import { download, h, jsonNode, plural, replaceChildren, setText } from "./dom.js";
import { findingLine, noteLine, pointerCode, tally } from "./findings.js";

const CHUNK = 200; // records converted between two paints
const INPUT_DELAY_MS = 250;
const TEXTAREA_LIMIT = 1_000_000; // characters: bigger files are kept out of the textarea

/**
 * Splits the input into records: a JSON object is one record, a JSON array holds records, and
 * anything else is NDJSON (one record per non-blank line) when its first line is JSON on its
 * own; otherwise it is one record whose syntax error contactkit reports.
 */
export function splitRecords(text) {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  try {
    const whole = JSON.parse(trimmed);
    if (Array.isArray(whole)) return whole.map((item, i) => ({ text: JSON.stringify(item), label: `item ${i + 1}` }));
    return [{ text: trimmed, label: "the payload" }];
  } catch {
    // not one JSON value
  }
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== "");
  let ndjson = false;
  try {
    JSON.parse(first);
    ndjson = true;
  } catch {
    ndjson = false;
  }
  if (!ndjson) return [{ text: trimmed, label: "the payload" }];
  const records = [];
  lines.forEach((line, i) => {
    if (line.trim() !== "") records.push({ text: line, label: `line ${i + 1}` });
  });
  return records;
}

/** contactkit's answer for one record, with a payload that is not JSON as a source rejection. */
function safely(fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ContactkitError && e.issues) return { error: e };
    throw e;
  }
}

export class ConvertView {
  constructor(els, formatList) {
    this.els = els;
    this.formats = formatList;
    this.from = "helpscout";
    this.results = [];
    this.index = 0;
    this.generation = 0;
    this.fileText = undefined; // a file too big for the textarea
    this.fileName = "contacts";
    this.timer = undefined;

    els.input.addEventListener("input", () => {
      this.fileText = undefined;
      this.fileName = "contacts";
      setText(els.fileNote, "");
      this.schedule();
    });
    els.lenient.addEventListener("change", () => this.run());
    els.normalize.addEventListener("change", () => this.run());
    els.file.addEventListener("change", () => this.openFile());
    els.prev.addEventListener("click", () => this.show(this.index - 1));
    els.next.addEventListener("click", () => this.show(this.index + 1));
    els.nextProblem.addEventListener("click", () => this.showNextProblem());
    els.record.addEventListener("change", () => this.show(Number(els.record.value) - 1));
  }

  title(id) {
    const info = this.formats.find((f) => f.id === id);
    return info ? info.title : id;
  }

  shortName(id) {
    return id === "canonical" ? "Canonical" : this.title(id).split(" (")[0];
  }

  setFormat(from) {
    this.from = from;
    this.run();
  }

  /** Puts a payload or NDJSON text into the input and converts it. */
  load(text, name = "contacts") {
    this.fileText = undefined;
    this.fileName = name;
    setText(this.els.fileNote, "");
    this.els.input.value = text;
    this.run();
  }

  async openFile() {
    const file = this.els.file.files?.[0];
    if (!file) return;
    const text = await file.text();
    this.fileName = file.name.replace(/\.(nd)?jsonl?$/i, "").replace(/\.json$/i, "") || "contacts";
    if (text.length > TEXTAREA_LIMIT) {
      this.fileText = text;
      this.els.input.value = "";
      setText(this.els.fileNote, `${file.name}: ${Math.round(text.length / 1024)} KB, too big to show here; converting it from the file.`);
    } else {
      this.fileText = undefined;
      setText(this.els.fileNote, `Loaded ${file.name}.`);
      this.els.input.value = text;
    }
    this.els.file.value = "";
    this.run();
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), INPUT_DELAY_MS);
  }

  options() {
    const o = {};
    if (this.els.lenient.checked) o.lenient = true;
    if (this.els.normalize.checked) o.normalizeCustomKeys = true;
    return o;
  }

  targets() {
    return this.formats.map((f) => f.id).filter((id) => id !== this.from);
  }

  /** Converts every record into every other format, a chunk at a time. */
  async run() {
    clearTimeout(this.timer);
    this.generation += 1;
    const generation = this.generation;
    const records = splitRecords(this.fileText ?? this.els.input.value);
    const from = this.from;
    const options = this.options();
    const targets = this.targets();
    const started = performance.now();
    const results = [];
    this.els.root.dataset.busy = "true";
    for (let start = 0; start < records.length; start += CHUNK) {
      for (const record of records.slice(start, start + CHUNK)) {
        const source = safely(() => validate(from, record.text, { showValues: false }));
        const converted = {};
        for (const to of targets) {
          const r = safely(() => convert(from, to, record.text, options));
          converted[to] = r.error ? { ok: false, stage: "source", issues: r.error.issues } : r;
        }
        results.push({ ...record, source, converted });
      }
      if (records.length > CHUNK) {
        setText(this.els.statusText, `Converting… ${results.length} of ${records.length} records`);
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (generation !== this.generation) return; // newer input
      }
    }
    this.results = results;
    this.elapsed = performance.now() - started;
    delete this.els.root.dataset.busy;
    this.index = Math.min(this.index, Math.max(results.length - 1, 0));
    if (records.length <= 1) this.index = 0;
    this.render();
  }

  render() {
    const n = this.results.length;
    const name = this.shortName(this.from);
    const invalid = this.results.filter((r) => r.source.error || !r.source.valid).length;
    const mode = this.els.lenient.checked ? "lenient" : "strict";
    let status;
    if (n === 0) {
      status = `Paste a ${name} payload or NDJSON above, load a sample or open a file.`;
    } else if (n === 1) {
      const converted = this.targets().filter((to) => this.results[0].converted[to].ok).length;
      status = invalid
        ? `The payload is not valid ${name}: nothing can be converted.`
        : `Converted (${mode}) into ${converted} of ${this.targets().length} formats.`;
    } else {
      status = `${n} records: ${n - invalid} valid ${name}, ${invalid} invalid. Converted ${mode} in ${Math.max(1, Math.round(this.elapsed))} ms.`;
    }
    this.els.status.dataset.state = n === 0 ? "idle" : invalid === n ? "invalid" : invalid ? "warn" : "valid";
    setText(this.els.statusText, status);
    this.els.nav.hidden = n <= 1;
    this.renderTargets();
    this.show(this.index);
  }

  show(index) {
    const n = this.results.length;
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
    this.els.nextProblem.disabled = !this.results.some((r) => this.hasProblem(r));
    const r = this.results[this.index];
    this.renderSource(r);
    for (const to of this.targets()) this.fillCard(to, r.converted[to]);
  }

  /** A record that is not valid as the source format (every target rejects it). */
  hasProblem(r) {
    return Boolean(r.source.error) || !r.source.valid;
  }

  showNextProblem() {
    const n = this.results.length;
    for (let k = 1; k <= n; k += 1) {
      const i = (this.index + k) % n;
      if (this.hasProblem(this.results[i])) return this.show(i);
    }
    return undefined;
  }

  renderSource(r) {
    const name = this.shortName(this.from);
    const where = this.results.length > 1 ? `Record ${this.index + 1} (${r.label})` : "The payload";
    const issues = r.source.error ? r.source.error.issues : r.source.issues;
    const { errors, warnings } = tally(issues);
    const ok = !r.source.error && r.source.valid;
    const head = ok
      ? `${where} is valid ${name}${warnings ? ` (${plural(warnings, "warning")})` : ""}.`
      : `${where} is not valid ${name}: ${plural(errors, "error")}${warnings ? `, ${plural(warnings, "warning")}` : ""}. Every target rejects it at the source stage.`;
    // One line per target: what happened to this record (and to the batch).
    const batch = this.results.length > 1;
    const overview = ok
      ? h(
          "ul",
          { class: "overview", "aria-label": "Targets" },
          this.targets().map((to) => {
            const c = r.converted[to];
            const okCount = batch ? this.results.filter((x) => x.converted[to].ok).length : 0;
            return h(
              "li",
              { dataset: { target: to } },
              h("span", { class: "overview__name" }, this.shortName(to)),
              c.ok
                ? h("span", { class: "overview__ok" }, h("span", { "aria-hidden": "true" }, "✓ "), "converted", c.notes.length ? `, ${plural(c.notes.length, "note")}` : ", no notes")
                : h("span", { class: "overview__bad" }, h("span", { "aria-hidden": "true" }, "✖ "), `rejected at the ${c.stage} stage`, `: ${c.issues.map((i) => i.path || "(record)").join(", ")}`),
              batch ? h("span", { class: "muted small" }, `batch: ${okCount} of ${this.results.length} converted`) : null,
            );
          }),
        )
      : null;
    replaceChildren(
      this.els.source,
      h("p", { class: ["source-head", ok ? "is-ok" : "is-bad"] }, h("span", { "aria-hidden": "true" }, ok ? "✓ " : "✖ "), head),
      issues.length
        ? h("ul", { class: "findings-list" }, issues.map((i) => h("li", {}, findingLine(i, pointerCode(i.path)))))
        : null,
      overview,
    );
  }

  /** The cards, one per target, with their batch totals and download buttons. */
  renderTargets() {
    this.cards = new Map();
    const cards = this.targets().map((to) => {
      const ok = this.results.filter((r) => r.converted[to].ok);
      const rejected = this.results.length - ok.length;
      const body = h("div", { class: "card__body" });
      const badge = h("span", { class: "pill" });
      const headingId = `conv-card-${to}`;
      const downloadBtn = h(
        "button",
        {
          type: "button",
          class: "btn btn--small",
          disabled: ok.length === 0,
          dataset: { download: to },
          on: {
            click: () => {
              const text = ok.map((r) => JSON.stringify(r.converted[to].payload)).join("\n") + "\n";
              download(`${this.fileName}.${to}.ndjson`, text);
            },
          },
        },
        `Download ${to}.ndjson`,
        h("span", { class: "muted" }, ` (${plural(ok.length, "record")})`),
      );
      const copyBtn = h("button", { type: "button", class: "btn btn--ghost btn--small", dataset: { copy: to } }, "Copy JSON");
      copyBtn.addEventListener("click", async () => {
        const c = this.results[this.index]?.converted[to];
        if (!c?.ok) return;
        try {
          await navigator.clipboard.writeText(JSON.stringify(c.payload, null, 2));
          setText(copyBtn, "Copied");
        } catch {
          setText(copyBtn, "Copy failed");
        }
        setTimeout(() => setText(copyBtn, "Copy JSON"), 1500);
      });
      const batch = this.results.length > 1
        ? h("p", { class: "card__batch" }, `Batch: ${ok.length} converted, ${rejected} rejected`)
        : null;
      const card = h(
        "article",
        { class: "card target", dataset: { target: to }, "aria-labelledby": headingId },
        h("header", { class: "card__head" }, h("h3", { id: headingId }, this.shortName(to)), badge),
        h("p", { class: "card__sub muted" }, this.title(to)),
        batch,
        body,
        h("footer", { class: "card__foot" }, downloadBtn, copyBtn),
      );
      this.cards.set(to, { card, body, badge, copyBtn });
      return card;
    });
    replaceChildren(this.els.targets, cards);
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
    c.card.dataset.ok = String(result.ok);
    c.copyBtn.disabled = !result.ok;
    if (result.ok) {
      c.card.dataset.stage = "";
      replaceChildren(c.badge, h("span", { "aria-hidden": "true" }, "✓ "), "Converted");
      c.badge.className = "pill pill--ok";
      const notes = result.notes;
      // What changed first; the values the target has no field for after, folded away when
      // they are many.
      const changed = notes.filter((n) => n.code !== "dropped");
      const dropped = notes.filter((n) => n.code === "dropped");
      let droppedBox = null;
      if (dropped.length > 0) {
        const list = h("ul", { class: "notes" }, dropped.map(noteLine));
        droppedBox = dropped.length > 4
          ? h("details", { class: "dropped" }, h("summary", {}, `${plural(dropped.length, "value")} dropped (no ${this.shortName(to)} field)`), list)
          : list;
      }
      replaceChildren(
        c.body,
        h("h4", {}, notes.length ? `Notes (${notes.length})` : "Notes"),
        changed.length ? h("ul", { class: "notes" }, changed.map(noteLine)) : null,
        droppedBox,
        notes.length === 0 ? h("p", { class: "muted" }, "None: every value was carried over unchanged.") : null,
        h("h4", {}, "Payload"),
        h("pre", { class: "code", tabIndex: 0, "aria-label": `${this.shortName(to)} payload` }, jsonNode(result.payload)),
      );
    } else {
      c.card.dataset.stage = result.stage;
      replaceChildren(c.badge, h("span", { "aria-hidden": "true" }, "✖ "), `Rejected (${result.stage})`);
      c.badge.className = "pill pill--bad";
      if (result.stage === "source") {
        // The findings are those of the source check above; not repeated in every card.
        const { errors } = tally(result.issues);
        replaceChildren(
          c.body,
          h("p", { class: "rejection" }, `Not converted: the record is not valid ${this.shortName(this.from)}.`),
          h("p", { class: "muted" }, `${plural(errors, "error")} in the source record: see the source check.`),
        );
        return;
      }
      const why = `Rejected at the target stage: the record cannot become a valid ${this.shortName(to)} payload${this.els.lenient.checked ? ", even leniently" : ""}.`;
      replaceChildren(
        c.body,
        h("p", { class: "rejection" }, why),
        h("ul", { class: "findings-list" }, result.issues.map((i) => h("li", {}, findingLine(i, pointerCode(i.path))))),
        result.stage === "target" && !this.els.lenient.checked && result.issues.some((i) => i.code !== "required")
          ? h("p", { class: "muted" }, "Lenient mode truncates too-long values and drops invalid optional ones instead.")
          : null,
      );
    }
  }
}
