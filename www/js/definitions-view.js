// Custom field definitions: for each vendor, the body its list endpoint returns, pasted by the
// user. contactkit reads them (the `definitions` option); the page only says whether it could.
import { ContactkitError, validate } from "../pkg/contactkit.js";
import { h, replaceChildren, setText, uid } from "./dom.js";

/** The vendors with custom field definitions, with the format whose payloads they check. */
export const VENDORS = [
  {
    id: "helpscout",
    title: "Help Scout customer properties",
    endpoint: "GET /v2/customer-properties",
    checks: "properties (number, text, url, date, dropdown)",
  },
  {
    id: "intercom",
    title: "Intercom data attributes",
    endpoint: "GET /data_attributes",
    checks: "custom_attributes (string, integer, float, boolean, date, options)",
  },
  {
    id: "bird",
    title: "Bird attribute definitions",
    endpoint: "GET /workspaces/{workspaceId}/attribute-definitions",
    checks: "attributes (their type and cardinality)",
  },
];

/** Whether contactkit can read `body` as `vendor`'s definitions: undefined, or the error. */
function problemOf(vendor, body) {
  try {
    // Any format will do: the definitions are read before the payload is looked at.
    validate("canonical", {}, { definitions: { [vendor]: body } });
    return undefined;
  } catch (e) {
    if (e instanceof ContactkitError) return e.message;
    throw e;
  }
}

export class DefinitionsView {
  /**
   * @param {HTMLElement} root where the editors go
   * @param {(definitions: object | undefined) => void} onChange called with the usable
   *   definitions ({helpscout?, intercom?, bird?} or undefined when there are none)
   */
  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.texts = {};
    this.editors = new Map();
    this.examples = undefined;
    replaceChildren(root, VENDORS.map((v) => this.editor(v)));
  }

  editor(vendor) {
    const id = uid("defs");
    const statusId = uid("defs-status");
    const hintId = uid("defs-hint");
    const input = h("textarea", {
      id,
      class: "code-editor",
      rows: 7,
      spellcheck: false,
      autocomplete: "off",
      autocapitalize: "off",
      "aria-describedby": `${hintId} ${statusId}`,
      dataset: { vendor: vendor.id },
    });
    const status = h("p", { class: "defs__status small", id: statusId, role: "status", dataset: { state: "empty" } });
    input.addEventListener("input", () => this.set(vendor.id, input.value));
    const example = h(
      "button",
      {
        type: "button",
        class: "btn btn--ghost btn--small",
        dataset: { example: vendor.id },
        on: {
          click: async () => {
            const examples = await this.loadExamples();
            input.value = JSON.stringify(examples[vendor.id], null, 2);
            this.set(vendor.id, input.value);
          },
        },
      },
      "Load an example",
    );
    const clear = h(
      "button",
      {
        type: "button",
        class: "btn btn--ghost btn--small",
        on: {
          click: () => {
            input.value = "";
            this.set(vendor.id, "");
          },
        },
      },
      "Clear",
    );
    this.editors.set(vendor.id, { input, status });
    return h(
      "section",
      { class: "defs__vendor", "aria-labelledby": `${id}-title` },
      h("h3", { id: `${id}-title` }, h("label", { htmlFor: id }, vendor.title)),
      h("p", { class: "muted small", id: hintId }, "The body of ", h("code", {}, vendor.endpoint), ` (or an array of its items). Checks ${vendor.checks}.`),
      input,
      h("div", { class: "defs__tools" }, example, clear),
      status,
    );
  }

  async loadExamples() {
    if (!this.examples) {
      const r = await fetch("samples/definitions.json");
      if (!r.ok) throw new Error(`samples/definitions.json: HTTP ${r.status}`);
      this.examples = await r.json();
    }
    return this.examples;
  }

  /** Sets one vendor's text (typed, loaded or restored) and reports the usable definitions. */
  set(vendor, text) {
    this.texts[vendor] = text;
    const editor = this.editors.get(vendor);
    if (editor.input.value !== text) editor.input.value = text;
    this.changed();
  }

  /** The texts, for keeping them. */
  get state() {
    return { ...this.texts };
  }

  changed() {
    const usable = {};
    for (const { id } of VENDORS) {
      const { input, status } = this.editors.get(id);
      const text = (this.texts[id] ?? "").trim();
      let problem;
      let body;
      if (text !== "") {
        try {
          body = JSON.parse(text);
          problem = problemOf(id, body);
        } catch (e) {
          if (e instanceof SyntaxError) problem = "not valid JSON yet";
          else throw e;
        }
      }
      const state = text === "" ? "empty" : problem ? "invalid" : "valid";
      status.dataset.state = state;
      input.setAttribute("aria-invalid", state === "invalid" ? "true" : "false");
      setText(
        status,
        state === "empty"
          ? "None: only the rules that hold for every account apply."
          : state === "invalid"
            ? `Not used: ${problem}.`
            : "Read: custom values are checked against these definitions.",
      );
      if (state === "valid") usable[id] = body;
    }
    this.onChange(Object.keys(usable).length ? usable : undefined);
  }
}
