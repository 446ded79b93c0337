// The form check: a form built from `formFields(format)`, validated as the user types, with a
// JSON view of the payload that is editable too (both stay in sync), and what the vendor would
// return for it (`preview`).
//
// One payload object is the single source of truth. Typing in an input writes its value at
// the input's JSON Pointer; `validateField` checks that one input at once (or, for a member
// that a rule of its object ties to its siblings (`tiedTo`), the enclosing object), and a
// whole-record `validate` follows a moment later (it also refreshes the JSON view and the
// summary, which is an aria-live region and should not chatter on every keystroke). Editing
// the JSON replaces the payload and rebuilds the form; JSON that does not parse shows the
// library's syntax finding and leaves the form alone.
//
// A `required` finding waits until its input was touched (typed in or left) or the payload was
// checked: a fresh form does not open with errors. A payload that was loaded whole (a sample,
// the JSON view, a share link) shows every finding at once.
import { ContactkitError, formFields, preview, schema, validate, validateField } from "../pkg/contactkit.js";
import { charCount, h, jsonNode, plural, replaceChildren, setText, toggleToken, uid } from "./dom.js";
import { codeTag, findingLine, pointerCode, severityBadge, tally } from "./findings.js";
import * as ptr from "./pointer.js";

const FULL_CHECK_DELAY_MS = 150;

/** "Emails" → "Email", "Properties" → "Property". */
function singular(label) {
  if (/ies$/.test(label)) return label.replace(/ies$/, "y");
  return label.replace(/s$/, "");
}

function jsonTypeOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v;
}

const article = (t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** Reads an integer input: a safe integer becomes a number, anything else stays text. */
function readInteger(text) {
  if (text.trim() === "") return undefined;
  if (/^-?(0|[1-9][0-9]*)$/.test(text.trim())) {
    const n = Number(text.trim());
    if (Number.isSafeInteger(n)) return n;
  }
  return text;
}

const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

export class FormView {
  /**
   * @param {object} els the static elements of the view (see index.html)
   * @param {Array<{id: string, title: string}>} formatList formats()
   */
  constructor(els, formatList) {
    this.els = els;
    this.formats = formatList;
    this.format = "helpscout";
    this.payloads = new Map(); // format → payload, so switching formats and back keeps work
    this.payload = {};
    this.issues = []; // findings of the payload (form and JSON agree on it)
    this.jsonIssues = []; // syntax finding of the JSON view while its text does not parse
    this.targets = new Map(); // JSON Pointer → where its findings go
    this.fullTimer = undefined;
    this.touched = new Set(); // pointers of inputs typed in or left
    this.showAll = false; // every finding, also `required` ones of untouched inputs
    this.definitions = undefined; // custom field definitions (the Custom fields view)
    this.onChange = () => {}; // called after the payload changed (saving, when opted in)

    els.json.addEventListener("input", () => this.onJsonInput());
    els.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.showAll = true;
      this.fullCheck();
      const first = els.form.querySelector('[aria-invalid="true"]');
      (first ?? els.summary).focus();
    });
    // Leaving an input marks it touched: its `required` finding may show from then on.
    els.form.addEventListener("focusout", (e) => {
      const pointer = this.pointerOfInput(e.target);
      if (pointer === undefined || this.touched.has(pointer)) return;
      this.touched.add(pointer);
      this.renderFindings({ summary: true });
    });
    els.copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(els.json.value);
        setText(els.copyStatus, "JSON copied to the clipboard.");
      } catch {
        setText(els.copyStatus, "The clipboard is not available here: select the text and copy it.");
      }
    });
  }

  /** The pointer an input of the form edits, or undefined. */
  pointerOfInput(el) {
    for (const [p, t] of this.targets) if (t.input === el) return p;
    return el?.closest?.("[data-pointer]")?.dataset.pointer;
  }

  /** The validation options (custom field definitions, when given). */
  options() {
    return this.definitions ? { definitions: this.definitions } : {};
  }

  /** Uses custom field definitions (or none) from now on. */
  setDefinitions(definitions) {
    this.definitions = definitions;
    const n = definitions ? Object.keys(definitions).length : 0;
    this.els.defsNote.hidden = n === 0;
    setText(this.els.defsNote, n ? `Custom values are checked against the definitions in Custom fields (${Object.keys(definitions).join(", ")}).` : "");
    if (this.fields) this.fullCheck();
  }

  /** Every format's payload (the current one included), for keeping work. */
  allPayloads() {
    return Object.fromEntries([...this.payloads, [this.format, this.payload]]);
  }

  /** Restores kept payloads (objects only), before the first setFormat. */
  restore(payloads) {
    for (const [format, payload] of Object.entries(payloads)) {
      if (payload && typeof payload === "object" && !Array.isArray(payload)) this.payloads.set(format, payload);
    }
    // The current format's payload too: setFormat() files it away before switching.
    this.payload = this.payloads.get(this.format) ?? this.payload;
  }

  /** Switches the format (keeping each format's payload) and rebuilds the form. */
  setFormat(format) {
    this.payloads.set(this.format, this.payload);
    this.format = format;
    this.fields = formFields(format);
    this.schema = schema(format);
    this.payload = this.payloads.get(format) ?? {};
    this.jsonIssues = [];
    this.touched = new Set();
    this.showAll = Object.keys(this.payload).length > 0;
    this.renderHeader();
    this.rebuild();
  }

  /** Replaces the payload (a sample, a share link, or a cleared form). */
  load(payload) {
    this.payload = structuredClone(payload);
    this.jsonIssues = [];
    this.touched = new Set();
    // A payload given whole shows all its findings; a cleared form starts quiet.
    this.showAll = Object.keys(this.payload).length > 0;
    this.rebuild();
  }

  renderHeader() {
    const info = this.formats.find((f) => f.id === this.format);
    setText(this.els.title, info ? info.title : this.format);
    const description = String(this.schema.description ?? "");
    const firstSentence = description.split(/(?<=\.)\s/)[0];
    setText(this.els.description, firstSentence);
    // The field descriptions are the vendor docs' (some written for developers): listed once
    // here, not under every input.
    const reference = [];
    const walk = (fields, depth) => {
      for (const f of fields) {
        reference.push(
          h("dt", { class: depth ? "ref__nested" : null }, h("code", {}, f.path), " ", f.label),
          h("dd", { class: depth ? "ref__nested" : null }, f.description || "—"),
        );
        if (f.fields) walk(f.fields, depth + 1);
      }
    };
    walk(this.fields, 0);
    replaceChildren(
      this.els.schemaBox,
      h("p", { class: "muted" }, description),
      h("h3", { class: "ref__title" }, "Fields"),
      h("dl", { class: "ref" }, reference),
      h("h3", { class: "ref__title" }, "JSON Schema"),
      h("pre", { class: "code code--scroll", tabIndex: 0, role: "group", "aria-label": `JSON Schema of ${info?.title ?? this.format}` }, jsonNode(this.schema)),
    );
  }

  // ---------------------------------------------------------------------------------------
  // Building the form

  /** Rebuilds the whole form from the payload, then checks it; focuses `focusPointer`. */
  rebuild(focusPointer) {
    this.targets = new Map();
    const root = h("div", { class: "fields" });
    for (const field of this.fields) {
      root.append(this.renderField(field, field.path, ptr.get(this.payload, field.path), ""));
    }
    const known = new Set(this.fields.map((f) => f.name));
    const others = Object.keys(this.payload).filter((k) => !known.has(k));
    if (others.length > 0) {
      root.append(
        h(
          "div",
          { class: "others" },
          h("p", {}, `Members that have no input here (edit them in the JSON view): `),
          h("ul", { class: "inline-list" }, others.map((k) => h("li", {}, h("code", {}, k)))),
        ),
      );
    }
    replaceChildren(this.els.form, root, h("button", { type: "submit", class: "btn btn--primary" }, "Check payload"));
    this.fullCheck();
    if (focusPointer !== undefined) this.focusPointer(focusPointer);
  }

  focusPointer(pointer) {
    const t = this.targets.get(pointer);
    const el = t?.input ?? t?.el?.querySelector("input, select, textarea, button");
    if (el) el.focus();
  }

  register(pointer, target, context = "") {
    const where = context ? `${context} › ${target.label}` : target.label;
    this.targets.set(pointer, { issues: [], where, ...target });
  }

  /** Label text with a "required" marker that is text, not colour. */
  labelContent(field, text = field.label) {
    return [text, field.required ? h("span", { class: "req" }, " required") : null];
  }

  /** `context` names the enclosing groups ("Phones › Phone 1") for the summary. */
  renderField(field, pointer, value, context) {
    if (field.widget === "json") return this.renderJsonWidget(field, pointer, value, context);
    if (field.jsonType === "object") {
      // An object described member by member; one without members (a free object) is edited
      // as name/value rows like custom attributes.
      if (field.fields?.length && field.widget === undefined) return this.renderObject(field, pointer, value, context);
      return this.renderKeyValue(field, pointer, value, context);
    }
    if (field.jsonType === "array") return this.renderArray(field, pointer, value, context);
    return this.renderScalar(field, pointer, value, { context });
  }

  /** A box saying that the value has the wrong shape for this part of the form. */
  mismatch(field, pointer, value, expected, context) {
    const findings = h("div", { class: "field__findings", id: uid("find") });
    const el = h(
      "div",
      { class: "field field--mismatch", dataset: { pointer } },
      h("p", { class: "field__label" }, field.label),
      h(
        "p",
        { class: "muted" },
        `The payload holds ${article(jsonTypeOf(value))} here, not ${article(expected)}: edit it in the JSON view.`,
      ),
      findings,
    );
    this.register(pointer, { el, findingsEl: findings, label: field.label }, context);
    return el;
  }

  renderScalar(field, pointer, value, { label, hideLabel, inArray, context } = {}) {
    const id = uid("in");
    const limitId = field.maxLength !== undefined ? uid("limit") : undefined;
    const findings = h("div", { class: "field__findings", id: uid("find") });
    const labelText = label ?? field.label;
    let input;
    let foreign; // a value the select cannot offer (wrong type or not in the list)
    let datalist;
    const shown = value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);

    if (field.jsonType === "boolean" || (field.enumValues && field.enumIsStrict)) {
      const options = field.jsonType === "boolean" ? ["true", "false"] : field.enumValues;
      input = h("select", { id, class: "input", dataset: { pointer } }, h("option", { value: "" }, "— not set —"));
      for (const o of options) input.append(h("option", { value: o }, o));
      if (field.nullable) input.append(h("option", { value: "\u0000null" }, "null"));
      if (value === null && field.nullable) {
        input.value = "\u0000null";
      } else if (value !== undefined) {
        const text = typeof value === "string" ? value : JSON.stringify(value);
        if (options.includes(text) && (typeof value === "string") === (field.jsonType !== "boolean")) {
          input.value = text;
        } else {
          foreign = value;
          input.append(h("option", { value: "\u0000foreign" }, `${text} (as loaded)`));
          input.value = "\u0000foreign";
        }
      }
    } else if (field.jsonType === "string" && field.widget === "textarea") {
      input = h("textarea", { id, class: "input", rows: 3, value: shown, dataset: { pointer } });
    } else {
      input = h("input", { id, class: "input", type: "text", value: shown, dataset: { pointer }, spellcheck: false });
      const mode = { email: "email", url: "url", phone: "tel" }[field.format] ?? (field.jsonType === "integer" ? "numeric" : undefined);
      if (mode) input.setAttribute("inputmode", mode);
      // The format's pattern (e.g. email, URL, UUID) as a native constraint too.
      if (field.pattern) input.setAttribute("pattern", field.pattern);
      if (field.placeholder) input.placeholder = field.placeholder;
      if (value === null) input.placeholder = "null";
      if (value !== null && typeof value === "object") {
        // An object or array where a scalar belongs: shown, not editable here.
        input.readOnly = true;
        foreign = value;
      }
      if (field.enumValues) {
        // An inferred list: suggestions, other values are only warnings.
        const listId = uid("list");
        input.setAttribute("list", listId);
        datalist = h("datalist", { id: listId }, field.enumValues.map((v) => h("option", { value: v })));
      }
    }
    if (field.required) {
      input.required = true;
    }
    if (limitId) input.setAttribute("aria-describedby", limitId);

    const counter = field.maxLength !== undefined ? h("span", { class: "counter", "aria-hidden": "true" }) : null;
    const updateCounter = () => {
      if (!counter) return;
      const n = charCount(input.value);
      const over = n - field.maxLength;
      setText(counter, over > 0 ? `${n} / ${field.maxLength} · ${over} over` : `${n} / ${field.maxLength}`);
      counter.classList.toggle("counter--over", over > 0);
    };
    updateCounter();

    const read = () => {
      if (input.value === "\u0000foreign") return foreign;
      if (input.value === "\u0000null") return null;
      if (field.jsonType === "boolean") return input.value === "" ? undefined : input.value === "true";
      if (field.jsonType === "integer") return readInteger(input.value);
      // An emptied array item stays an (empty) item: its row is still there.
      if (input.value === "") return inArray ? "" : undefined;
      return input.value;
    };
    input.addEventListener("input", () => {
      if (input.readOnly) return;
      updateCounter();
      this.write(pointer, read(), field);
    });
    if (input.tagName === "SELECT") input.addEventListener("change", () => this.touched.add(pointer));

    const labelEl = h("label", { htmlFor: id, class: ["field__label", hideLabel && "sr-only"] }, this.labelContent(field, labelText));
    // Label and input first (so inputs line up across the grid), then the hint with the
    // character counter, then the findings.
    const el = h(
      "div",
      { class: ["field", `field--${field.jsonType}`], dataset: { pointer } },
      labelEl,
      input,
      datalist,
      counter || limitId
        ? h(
            "div",
            { class: "field__meta" },
            h("span"),
            limitId ? h("span", { class: "sr-only", id: limitId }, `Up to ${field.maxLength} characters.`) : null,
            counter,
          )
        : null,
      foreign !== undefined && input.readOnly ? h("p", { class: "field__hint" }, "This value is not a scalar: edit it in the JSON view.") : null,
      findings,
    );
    this.register(pointer, { el, input, findingsEl: findings, label: labelText }, context);
    return el;
  }

  renderObject(field, pointer, value, context) {
    if (value !== undefined && (value === null || typeof value !== "object" || Array.isArray(value))) {
      return this.mismatch(field, pointer, value, "object", context);
    }
    const inner = context ? `${context} › ${field.label}` : field.label;
    const findings = h("div", { class: "field__findings", id: uid("find") });
    const el = h(
      "fieldset",
      { class: "group", dataset: { pointer } },
      h("legend", { class: "group__legend" }, this.labelContent(field)),
      findings,
      h(
        "div",
        { class: "group__body" },
        field.fields.map((sub) => this.renderField(sub, ptr.join(pointer, sub.name), value?.[sub.name], inner)),
      ),
    );
    this.register(pointer, { el, findingsEl: findings, label: field.label }, context);
    return el;
  }

  renderArray(field, pointer, value, context) {
    if (value !== undefined && !Array.isArray(value)) return this.mismatch(field, pointer, value, "array", context);
    const inner = context ? `${context} › ${field.label}` : field.label;
    const items = value ?? [];
    const noun = singular(field.label);
    const findings = h("div", { class: "field__findings", id: uid("find") });
    const rows = h("div", { class: "rows" });
    items.forEach((item, i) => {
      const itemPointer = ptr.join(pointer, i);
      const remove = h(
        "button",
        {
          type: "button",
          class: "btn btn--ghost btn--small",
          "aria-label": `Remove ${noun.toLowerCase()} ${i + 1}`,
          on: { click: () => this.removeItem(pointer, i) },
        },
        "Remove",
      );
      if (field.fields) {
        const rowFindings = h("div", { class: "field__findings", id: uid("find") });
        const fieldsBox = (item !== null && typeof item === "object" && !Array.isArray(item))
          ? field.fields.map((sub) => this.renderField(sub, ptr.join(itemPointer, sub.name), item[sub.name], `${inner} › ${noun} ${i + 1}`))
          : [h("p", { class: "muted" }, `This item is ${article(jsonTypeOf(item))}, not an object: edit it in the JSON view.`)];
        const row = h(
          "fieldset",
          { class: "row", dataset: { pointer: itemPointer } },
          h("legend", { class: "row__legend" }, `${noun} ${i + 1}`),
          h("div", { class: "row__fields" }, fieldsBox),
          h("div", { class: "row__actions" }, remove),
          rowFindings,
        );
        this.register(itemPointer, { el: row, findingsEl: rowFindings, label: `${noun} ${i + 1}` }, inner);
        rows.append(row);
      } else {
        const cell = this.renderScalar(field.item, itemPointer, item, { label: `${noun} ${i + 1}`, hideLabel: true, inArray: true, context: inner });
        rows.append(h("div", { class: "row row--scalar" }, cell, remove));
      }
    });
    const full = field.maxItems !== undefined && items.length >= field.maxItems;
    const bounds = [
      field.minItems !== undefined ? `at least ${field.minItems}` : null,
      field.maxItems !== undefined ? `at most ${field.maxItems}` : null,
    ].filter(Boolean);
    const el = h(
      "fieldset",
      { class: ["group", "group--array", items.length === 0 && "is-empty"], dataset: { pointer } },
      h("legend", { class: "group__legend" }, this.labelContent(field)),
      h("p", { class: "group__meta muted small" }, `${plural(items.length, "item")}${bounds.length ? ` (${bounds.join(", ")})` : ""}`),
      findings,
      rows,
      h(
        "button",
        {
          type: "button",
          class: "btn btn--small",
          disabled: full,
          on: { click: () => this.addItem(pointer, field) },
        },
        `+ Add ${noun.toLowerCase()}`,
      ),
    );
    this.register(pointer, { el, findingsEl: findings, label: field.label }, context);
    return el;
  }

  addItem(pointer, field) {
    const arr = ptr.get(this.payload, pointer);
    const list = Array.isArray(arr) ? arr : [];
    list.push(field.fields ? {} : "");
    ptr.set(this.payload, pointer, list);
    const itemPointer = ptr.join(pointer, list.length - 1);
    const firstSub = field.fields?.[0];
    this.rebuild(firstSub ? ptr.join(itemPointer, firstSub.name) : itemPointer);
  }

  removeItem(pointer, index) {
    const arr = ptr.get(this.payload, pointer);
    if (Array.isArray(arr)) {
      arr.splice(index, 1);
      if (arr.length === 0) ptr.removePruning(this.payload, pointer);
    }
    this.rebuild();
    const t = this.targets.get(pointer);
    t?.el?.querySelector(":scope > button")?.focus();
  }

  /** A free-JSON value (widget "json"): a textarea whose text must parse. */
  renderJsonWidget(field, pointer, value, context) {
    const id = uid("in");
    const findings = h("div", { class: "field__findings", id: uid("find") });
    const local = h("p", { class: "field__hint", "aria-live": "polite" });
    const input = h("textarea", {
      id,
      class: "input mono",
      rows: 3,
      spellcheck: false,
      value: value === undefined ? "" : JSON.stringify(value, null, 2),
      dataset: { pointer },
    });
    input.addEventListener("input", () => {
      if (input.value.trim() === "") {
        setText(local, "");
        return this.write(pointer, undefined);
      }
      try {
        const parsed = JSON.parse(input.value);
        setText(local, "");
        this.write(pointer, parsed);
      } catch {
        setText(local, "Not valid JSON yet: the payload keeps the previous value.");
      }
    });
    const el = h(
      "div",
      { class: "field", dataset: { pointer } },
      h("label", { htmlFor: id, class: "field__label" }, this.labelContent(field), h("span", { class: "muted" }, " (JSON)")),
      input,
      local,
      findings,
    );
    this.register(pointer, { el, input, findingsEl: findings, label: field.label }, context);
    return el;
  }

  /**
   * Custom attributes: rows of name, type and value. Kept in the shape the payload already
   * has: an object of name → value, or a list of {<name key>, value} (Help Scout
   * properties); a new value takes the list shape when the form metadata names its key
   * member (`listKey`), otherwise the object shape.
   */
  renderKeyValue(field, pointer, value, context) {
    let shape = "object";
    let keyName = "key";
    const preferred = this.listShapeOf(field);
    if (Array.isArray(value)) {
      shape = "list";
      keyName = preferred ?? Object.keys(value.find((i) => i && typeof i === "object") ?? {}).find((k) => k !== "value") ?? "key";
    } else if (value === undefined && preferred) {
      shape = "list";
      keyName = preferred;
    } else if (value !== undefined && (value === null || typeof value !== "object")) {
      if (value === null && field.nullable) {
        value = undefined;
      } else {
        return this.mismatch(field, pointer, value, "object", context);
      }
    }
    const inner = context ? `${context} › ${field.label}` : field.label;
    const entries = shape === "list"
      ? (value ?? []).map((item) => (item && typeof item === "object" && !Array.isArray(item)
        ? { key: item[keyName], value: item.value, extra: item }
        : { key: undefined, value: item, extra: undefined }))
      : Object.entries(value ?? {}).map(([key, v]) => ({ key, value: v }));

    const findings = h("div", { class: "field__findings", id: uid("find") });
    const rowsBox = h("div", { class: "rows" });
    const noun = singular(field.label).toLowerCase();
    const keyLabel = shape === "list" ? keyName.charAt(0).toUpperCase() + keyName.slice(1) : "Name";
    const rows = [];

    const collect = () => {
      if (shape === "list") {
        return rows.map((r) => {
          const item = r.extra ? { ...r.extra } : {};
          if (r.keyInput.value === "") delete item[keyName];
          else item[keyName] = r.keyInput.value;
          const v = r.read();
          if (v === undefined) delete item.value;
          else item.value = v;
          return item;
        });
      }
      const out = {};
      for (const r of rows) {
        const v = r.read();
        if (r.keyInput.value === "" || v === undefined) continue;
        Object.defineProperty(out, r.keyInput.value, { value: v, writable: true, enumerable: true, configurable: true });
      }
      return out;
    };
    const registerRows = () => {
      for (const p of [...this.targets.keys()]) if (p !== pointer && ptr.isWithin(p, pointer)) this.targets.delete(p);
      const seen = new Set();
      rows.forEach((r, i) => {
        const key = r.keyInput.value;
        const local = [];
        if (shape === "list") {
          const rp = ptr.join(pointer, i);
          const rowName = `${singular(field.label)} ${i + 1}`;
          this.register(rp, { el: r.row, findingsEl: r.findings, label: rowName }, inner);
          this.register(ptr.join(rp, keyName), { el: r.row, input: r.keyInput, findingsEl: r.findings, label: keyLabel }, `${inner} › ${rowName}`);
          this.register(ptr.join(rp, "value"), { el: r.row, input: r.valueInput(), findingsEl: r.findings, label: "Value" }, `${inner} › ${rowName}`);
        } else if (key === "") {
          local.push("Give it a name to include it in the payload.");
        } else if (seen.has(key)) {
          local.push("Repeats an earlier name: only the last value is kept.");
        } else {
          this.register(ptr.join(pointer, key), { el: r.row, input: r.valueInput(), findingsEl: r.findings, label: key }, inner);
        }
        seen.add(key);
        if (r.parseProblem) local.push(r.parseProblem);
        setText(r.local, local.join(" "));
      });
    };
    const changed = () => {
      const v = collect();
      const empty = shape === "list" ? v.length === 0 : Object.keys(v).length === 0;
      registerRows();
      this.write(pointer, empty ? undefined : v);
    };

    const addRow = (entry, focus) => {
      const row = this.kvRow(entry, { keyLabel, noun, index: rows.length, onChange: changed });
      row.remove.addEventListener("click", () => {
        const at = rows.indexOf(row);
        rows.splice(at, 1);
        row.row.remove();
        changed();
        addButton.focus();
      });
      rows.push(row);
      rowsBox.append(row.row);
      if (focus) row.keyInput.focus();
    };
    const addButton = h(
      "button",
      { type: "button", class: "btn btn--small", on: { click: () => addRow({ key: "", value: "" }, true) } },
      `+ Add ${noun}`,
    );
    const el = h(
      "fieldset",
      { class: "group group--kv", dataset: { pointer } },
      h("legend", { class: "group__legend" }, this.labelContent(field)),
      findings,
      rowsBox,
      addButton,
    );
    this.register(pointer, { el, findingsEl: findings, label: field.label }, context);
    for (const entry of entries) addRow(entry, false);
    registerRows();
    return el;
  }

  /** The key member of the list shape of a key/value member (the form metadata's `listKey`). */
  listShapeOf(field) {
    return field.listKey;
  }

  /** One row of the custom-attributes editor. */
  kvRow(entry, { keyLabel, noun, index, onChange }) {
    const keyId = uid("in");
    const typeId = uid("in");
    const valueId = uid("in");
    const findings = h("div", { class: "field__findings", id: uid("find") });
    const local = h("p", { class: "field__hint" });
    const keyInput = h("input", { id: keyId, class: "input", type: "text", value: entry.key === undefined ? "" : String(entry.key), spellcheck: false });
    const initialType = entry.value === undefined ? "text"
      : entry.value === null ? "null"
      : typeof entry.value === "string" ? "text"
      : typeof entry.value === "number" ? "number"
      : typeof entry.value === "boolean" ? "boolean" : "json";
    const typeSelect = h(
      "select",
      { id: typeId, class: "input input--type" },
      [["text", "Text"], ["number", "Number"], ["boolean", "Boolean"], ["null", "null"], ["json", "JSON"]].map(([v, t]) => h("option", { value: v }, t)),
    );
    typeSelect.value = initialType;
    const valueBox = h("div", { class: "kv__value" });
    const r = { keyInput, typeSelect, findings, local, extra: entry.extra, parseProblem: "", last: entry.value };
    let valueEl;
    const makeValue = (type, v) => {
      if (type === "boolean") {
        valueEl = h("select", { id: valueId, class: "input" }, h("option", { value: "true" }, "true"), h("option", { value: "false" }, "false"));
        valueEl.value = v === false || v === "false" ? "false" : "true";
      } else if (type === "null") {
        valueEl = h("input", { id: valueId, class: "input", type: "text", value: "null", readOnly: true });
      } else if (type === "json") {
        valueEl = h("textarea", { id: valueId, class: "input mono", rows: 2, spellcheck: false, value: v === undefined ? "" : typeof v === "string" && r.typedJson ? v : JSON.stringify(v) });
      } else {
        valueEl = h("input", { id: valueId, class: "input", type: "text", spellcheck: false, value: v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v) });
        if (type === "number") valueEl.setAttribute("inputmode", "decimal");
      }
      valueEl.addEventListener("input", () => onChange());
      replaceChildren(valueBox, h("label", { htmlFor: valueId, class: "sr-only" }, `Value of ${noun} ${index + 1}`), valueEl);
    };
    r.read = () => {
      r.parseProblem = "";
      const type = typeSelect.value;
      const text = valueEl.value;
      if (type === "null") return null;
      if (type === "boolean") return text === "true";
      if (type === "number") {
        if (text.trim() === "") return undefined;
        if (JSON_NUMBER.test(text.trim())) return Number(text.trim());
        r.parseProblem = "Not a number: kept as text.";
        return text;
      }
      if (type === "json") {
        if (text.trim() === "") return undefined;
        try {
          r.last = JSON.parse(text);
        } catch {
          r.parseProblem = "Not valid JSON yet: the payload keeps the previous value.";
        }
        return r.last;
      }
      return text;
    };
    r.valueInput = () => valueEl;
    makeValue(initialType, entry.value);
    typeSelect.addEventListener("change", () => {
      const current = r.read();
      makeValue(typeSelect.value, current);
      onChange();
    });
    keyInput.addEventListener("input", () => onChange());
    const remove = h("button", { type: "button", class: "btn btn--ghost btn--small", "aria-label": `Remove ${noun} ${index + 1}` }, "Remove");
    const row = h(
      "div",
      { class: "row kv" },
      h("div", { class: "kv__key" }, h("label", { htmlFor: keyId, class: "field__label" }, keyLabel), keyInput),
      h("div", { class: "kv__type" }, h("label", { htmlFor: typeId, class: "field__label" }, "Type"), typeSelect),
      h("div", { class: "kv__val" }, h("span", { class: "field__label", "aria-hidden": "true" }, "Value"), valueBox),
      h("div", { class: "row__actions" }, remove),
      local,
      findings,
    );
    Object.assign(r, { row, remove });
    return r;
  }

  // ---------------------------------------------------------------------------------------
  // Checking

  /**
   * Writes an input's value into the payload and checks it at once: the input alone, or the
   * enclosing object when a rule of it ties the member to its siblings (`field.tiedTo`).
   */
  write(pointer, value, field) {
    if (value === undefined) ptr.removePruning(this.payload, pointer);
    else ptr.set(this.payload, pointer, value);
    this.jsonIssues = [];
    this.touched.add(pointer);
    // The input's own findings at once, scoped to it (no leaking of other members'
    // required-ness); the whole record a moment later.
    const scope = field?.tiedTo?.length ? ptr.parent(pointer) : pointer;
    const scoped = scope === pointer ? value : ptr.get(this.payload, scope) ?? {};
    try {
      const { issues } = validateField(this.format, scope, scoped, this.options());
      this.issues = this.issues.filter((i) => !ptr.isWithin(i.path, scope)).concat(issues);
      this.renderFindings({ summary: false });
    } catch (e) {
      // A pointer validateField cannot address (e.g. below a value of the wrong type): the
      // whole-record check below covers it.
      if (!(e instanceof ContactkitError)) throw e;
    }
    clearTimeout(this.fullTimer);
    this.fullTimer = setTimeout(() => this.fullCheck(), FULL_CHECK_DELAY_MS);
    this.els.form.dataset.pending = "true"; // the whole-record check is still to come
  }

  /** Validates the whole payload, refreshes the findings, the summary, the JSON view and the preview. */
  fullCheck({ syncJson = true } = {}) {
    clearTimeout(this.fullTimer);
    this.fullTimer = undefined;
    delete this.els.form.dataset.pending;
    this.issues = validate(this.format, this.payload, this.options()).issues;
    if (syncJson) {
      this.els.json.value = JSON.stringify(this.payload, null, 2);
    }
    this.renderFindings({ summary: true });
    this.renderPreview();
    this.onChange();
  }

  /** Whether a whole-record check is still pending (also #contact-form[data-pending], for tests). */
  get settled() {
    return this.fullTimer === undefined;
  }

  onJsonInput() {
    clearTimeout(this.fullTimer);
    this.fullTimer = undefined;
    delete this.els.form.dataset.pending;
    const text = this.els.json.value;
    let result;
    try {
      result = validate(this.format, text, this.options());
    } catch (e) {
      if (e && (e.code === "invalid_json" || e.code === "not_an_object")) {
        this.jsonIssues = e.issues ?? [{ path: "", code: "syntax", severity: "error", message: e.message }];
        this.renderFindings({ summary: true });
        return;
      }
      throw e;
    }
    this.jsonIssues = [];
    this.payload = JSON.parse(text);
    this.showAll = true; // the payload was given whole
    this.targets = new Map();
    this.rebuildFromJson(result.issues);
  }

  rebuildFromJson(issues) {
    // As rebuild(), but the JSON text stays exactly as typed.
    const saved = this.els.json.value;
    const start = this.els.json.selectionStart;
    const end = this.els.json.selectionEnd;
    this.rebuild();
    this.issues = issues;
    this.els.json.value = saved;
    this.els.json.setSelectionRange(start, end);
    this.renderFindings({ summary: true });
  }

  /** What the vendor returns for the payload (Intercom, Bird and Help Scout document it). */
  renderPreview() {
    const { preview: panel, previewIntro, previewBody } = this.els;
    const name = this.shortName();
    if (this.format === "canonical") {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    if (this.format === "sequence") {
      setText(previewIntro, "Sequence does not document what it returns for a new person, so there is nothing to preview.");
      replaceChildren(previewBody);
      return;
    }
    setText(previewIntro, `What ${name} returns for this payload: the members it derives are computed; ids are placeholders and times the Unix epoch.`);
    let result;
    try {
      result = preview(this.format, this.payload, this.options());
    } catch (e) {
      if (!(e instanceof ContactkitError)) throw e;
      result = { ok: false, issues: e.issues ?? [] };
    }
    replaceChildren(
      previewBody,
      result.ok
        ? h(
            "details",
            { class: "preview", open: this.previewOpen ?? false, on: { toggle: (e) => (this.previewOpen = e.currentTarget.open) } },
            h("summary", {}, `${name}'s response`),
            h("pre", { class: "code code--scroll", tabIndex: 0, role: "group", "aria-label": `${name} response preview` }, jsonNode(result.payload)),
          )
        : h("p", { class: "muted" }, `No preview: ${name} would reject this payload (see the findings).`),
    );
  }

  shortName() {
    const info = this.formats.find((f) => f.id === this.format);
    return info ? info.title.split(" (")[0] : this.format;
  }

  /** Where a finding is shown: the deepest input or group at or above its path. */
  targetOf(path) {
    let p = path;
    while (p !== "") {
      const t = this.targets.get(p);
      if (t) return [p, t];
      p = ptr.parent(p);
    }
    return [undefined, undefined];
  }

  /** The form fields of the object at a pointer (array items by index), or []. */
  fieldsAt(pointer) {
    let fields = this.fields;
    let array;
    for (const token of ptr.tokens(pointer)) {
      if (array) {
        if (!/^(0|[1-9][0-9]*)$/.test(token)) return [];
        fields = array.fields ?? [];
        array = undefined;
        continue;
      }
      const f = fields.find((x) => x.name === token);
      if (!f) return [];
      if (f.jsonType === "array") array = f;
      else if (f.jsonType === "object" && f.fields) fields = f.fields;
      else return [];
    }
    return array ? [] : fields;
  }

  /**
   * The members a `required` finding at an object's own path concerns: the members the
   * object's rules tie together (`tiedTo`; contactkit reports such a finding only for them).
   */
  tiedMembers(issue) {
    if (issue.code !== "required") return [];
    const names = new Set();
    for (const f of this.fieldsAt(issue.path)) {
      if (f.tiedTo?.length) {
        names.add(f.name);
        for (const other of f.tiedTo) names.add(other);
      }
    }
    return [...names].map((name) => ptr.join(issue.path, name));
  }

  /** Whether an input at or below `pointer` was touched. */
  touchedWithin(pointer) {
    for (const t of this.touched) if (ptr.isWithin(t, pointer)) return true;
    return false;
  }

  /** Whether a finding shows now: `required` ones wait for their input to be touched. */
  visible(issue) {
    if (this.showAll || issue.code !== "required") return true;
    const members = this.tiedMembers(issue);
    if (members.length) return members.some((m) => this.touchedWithin(m));
    return this.touchedWithin(issue.path);
  }

  renderFindings({ summary }) {
    for (const t of this.targets.values()) t.issues = [];
    const unmapped = [];
    const mapped = [];
    const shown = this.issues.filter((i) => this.visible(i));
    this.hiddenRequired = this.issues.length - shown.length;
    for (const issue of shown) {
      // A rule over several members: the finding goes to each of them.
      const tied = this.tiedMembers(issue).filter((m) => this.targets.has(m));
      if (tied.length) {
        for (const m of tied) this.targets.get(m).issues.push(issue);
        mapped.push([issue, tied[0], this.targets.get(tied[0]), tied]);
        continue;
      }
      const [p, t] = this.targetOf(issue.path);
      if (t) {
        t.issues.push(issue);
        mapped.push([issue, p, t]);
      } else {
        unmapped.push(issue);
      }
    }
    const seen = new Set();
    for (const t of this.targets.values()) {
      // Several pointers may share one findings box (a key/value row).
      if (seen.has(t.findingsEl)) continue;
      seen.add(t.findingsEl);
      const shared = [...this.targets].filter(([, o]) => o.findingsEl === t.findingsEl);
      const lines = [];
      for (const [q, o] of shared) {
        for (const issue of o.issues) {
          const above = issue.path !== q && ptr.isWithin(q, issue.path); // a rule of the enclosing object
          const rel = issue.path === q || above ? null : pointerCode(issue.path);
          const subject = shared.length > 1 ? o.label : rel === null ? (above ? null : o.label) : rel;
          lines.push(findingLine(issue, subject));
        }
      }
      replaceChildren(t.findingsEl, lines);
    }
    for (const t of new Set(this.targets.values())) {
      const errors = t.issues.filter((i) => i.severity === "error");
      const el = t.input;
      if (el) {
        el.setAttribute("aria-invalid", errors.length > 0 ? "true" : "false");
        if (typeof el.setCustomValidity === "function") el.setCustomValidity(errors.map((i) => i.message).join("; "));
        toggleToken(el, "aria-describedby", t.findingsEl.id, t.findingsEl.childElementCount > 0);
      }
      t.el.classList.toggle("has-error", t.el.querySelector(".finding--error") !== null);
      t.el.classList.toggle("has-warning", t.el.querySelector(".finding--warning") !== null);
    }
    // The JSON view's own finding (text that does not parse).
    replaceChildren(this.els.jsonFindings, this.jsonIssues.map((i) => findingLine(i, "JSON")));
    this.els.json.setAttribute("aria-invalid", this.jsonIssues.length > 0 ? "true" : "false");
    toggleToken(this.els.json, "aria-describedby", this.els.jsonFindings.id, this.jsonIssues.length > 0);
    if (summary) this.renderSummary(shown, mapped, unmapped);
  }

  renderSummary(shown, mapped, unmapped) {
    const { errors, warnings } = tally(shown);
    const name = this.shortName();
    const waiting = this.hiddenRequired;
    let status;
    let state;
    if (this.jsonIssues.length > 0) {
      status = "The JSON view does not parse: the form shows the last valid payload.";
      state = "invalid";
    } else if (errors > 0) {
      status = `Not valid ${name}: ${plural(errors, "error")}${warnings ? `, ${plural(warnings, "warning")}` : ""}.`;
      state = "invalid";
    } else if (waiting > 0) {
      status = `Not complete yet: ${plural(waiting, "required value")} to fill in${warnings ? `, ${plural(warnings, "warning")}` : ""}.`;
      state = "idle";
    } else if (warnings > 0) {
      status = `Valid ${name} payload, with ${plural(warnings, "warning")}.`;
      state = "warn";
    } else {
      status = `Valid ${name} payload: no findings.`;
      state = "valid";
    }
    this.els.status.dataset.state = state;
    setText(this.els.statusText, status);
    this.els.jump.dataset.state = state;
    setText(
      this.els.jumpText,
      state === "valid"
        ? "✓ Valid"
        : this.jsonIssues.length > 0
          ? "✖ JSON syntax error"
          : state === "idle"
            ? `• ${plural(waiting, "required value")} to fill in`
            : `${errors ? "✖" : "▲"} ${[errors && plural(errors, "error"), warnings && plural(warnings, "warning")].filter(Boolean).join(", ")}`,
    );

    const list = [];
    for (const issue of this.jsonIssues) {
      list.push(h("li", {}, findingLine(issue, h("strong", {}, "JSON view:"))));
    }
    for (const issue of unmapped) {
      const where = issue.path === "" ? h("strong", {}, "Record:") : [pointerCode(issue.path), h("span", { class: "muted" }, " (not on the form)")];
      list.push(h("li", { dataset: { unmapped: "true" } }, findingLine(issue, where)));
    }
    for (const [issue, p, t, tied] of mapped) {
      const go = h(
        "button",
        {
          type: "button",
          class: "link",
          on: {
            click: () => {
              t.el.scrollIntoView({ block: "center" });
              (t.input ?? t.el.querySelector("input, select, textarea, button"))?.focus();
            },
          },
        },
        tied
          ? tied.map((m) => this.targets.get(m).where).join(", ")
          : issue.path === p ? t.where : `${t.where} (${issue.path})`,
      );
      list.push(h("li", tied ? { dataset: { tied: "true" } } : {}, findingLine(issue, go)));
    }
    replaceChildren(this.els.findings, list);
    this.els.findings.hidden = list.length === 0;
  }
}

export { codeTag, severityBadge };
