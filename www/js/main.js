// Boot: load the WebAssembly module, build the format pickers, the tabs, the views, custom
// field definitions and the opt-in saving and sharing.
import init, { formats, schema, version } from "../pkg/contactkit.js";
import { ConvertView, TEXTAREA_LIMIT } from "./convert-view.js";
import { DefinitionsView } from "./definitions-view.js";
import { h, replaceChildren, setText } from "./dom.js";
import { FormView } from "./form-view.js";
import { batchText, samplesOf } from "./samples.js";
import * as store from "./storage.js";

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el;
};

/** The read formats: objects a vendor returns, which can be converted from. */
const READ_FORMATS = [
  { id: "intercom-contact", short: "Intercom contact" },
  { id: "bird-contact", short: "Bird contact" },
  { id: "helpscout-customer", short: "Help Scout customer" },
];

const shortName = (f) => f.short ?? (f.id === "canonical" ? "Canonical" : f.title.split(" (")[0]);

/** A radio group styled as a segmented control (arrow keys move between formats natively). */
function formatPicker(fieldset, list, name, selected, onChange) {
  for (const f of list) {
    const id = `${name}-${f.id}`;
    const input = h("input", { type: "radio", name, id, value: f.id, class: "segmented__input", checked: f.id === selected });
    input.addEventListener("change", () => {
      if (input.checked) onChange(f.id);
    });
    fieldset.append(input, h("label", { htmlFor: id, class: "segmented__label", title: f.title }, shortName(f)));
  }
}

function sampleButton(sample, onClick) {
  return h(
    "button",
    {
      type: "button",
      class: ["chip", sample.valid ? "chip--valid" : "chip--invalid"],
      dataset: { sample: sample.id },
      title: sample.note ?? "",
      on: { click: onClick },
    },
    h("span", { class: "chip__mark", "aria-hidden": "true" }, sample.valid ? "✓" : "✖"),
    " ",
    sample.title,
    h("span", { class: "sr-only" }, sample.valid ? " (valid)" : " (invalid)"),
  );
}

/**
 * Shows the samples of `format`. While they load, the previous format's buttons are disabled
 * (a click would load the other format's sample) and the list is aria-busy; an older load that
 * ends later does not overwrite a newer one. `data-format` names the format shown.
 */
async function showSamples(container, format, onPayload, onBatch) {
  container.dataset.loading = format;
  container.setAttribute("aria-busy", "true");
  const hadFocus = container.contains(document.activeElement);
  for (const b of container.querySelectorAll("button")) b.disabled = true;
  let data;
  let failed;
  try {
    data = await samplesOf(format);
  } catch (e) {
    failed = e;
  }
  if (container.dataset.loading !== format) return; // another format was chosen meanwhile
  delete container.dataset.loading;
  container.removeAttribute("aria-busy");
  container.dataset.format = format;
  // Focus in the list stays there; focus that a disabled button lost comes back to the list.
  const lost = document.activeElement === null || document.activeElement === document.body;
  const keepFocus = container.contains(document.activeElement) || (hadFocus && lost);
  if (failed) {
    replaceChildren(container, h("span", { class: "muted small" }, `Samples unavailable (${failed.message}).`));
    return;
  }
  const buttons = data.samples.map((s) => sampleButton(s, () => onPayload(s)));
  if (onBatch && data.batch) {
    buttons.push(
      h(
        "button",
        { type: "button", class: "chip chip--batch", dataset: { sample: "batch" }, on: { click: () => onBatch(data.batch) } },
        h("span", { class: "chip__mark", "aria-hidden": "true" }, "≡"),
        ` ${data.batch.title}`,
      ),
    );
  }
  replaceChildren(container, buttons);
  if (keepFocus) buttons[0]?.focus();
}

const VIEWS = { "tab-form": "#form", "tab-convert": "#convert", "tab-defs": "#fields" };

/** Accessible tabs: click, arrow keys, Home/End; the URL hash remembers the view. */
function setupTabs(initial) {
  const tabs = [$("tab-form"), $("tab-convert"), $("tab-defs")];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute("aria-controls")).hidden = !on;
    }
    if (focus) tab.focus();
    const hash = VIEWS[tab.id];
    if (location.hash !== hash) history.replaceState(null, "", hash);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab, false));
    tab.addEventListener("keydown", (e) => {
      let j;
      if (e.key === "ArrowRight") j = (i + 1) % tabs.length;
      else if (e.key === "ArrowLeft") j = (i - 1 + tabs.length) % tabs.length;
      else if (e.key === "Home") j = 0;
      else if (e.key === "End") j = tabs.length - 1;
      if (j !== undefined) {
        e.preventDefault();
        select(tabs[j], true);
      }
    });
  });
  const byHash = Object.entries(VIEWS).find(([, hash]) => hash === initial);
  select(byHash ? $(byHash[0]) : tabs[0], false);
  return (view) => select($(Object.keys(VIEWS).find((id) => VIEWS[id] === `#${view}`) ?? "tab-form"), false);
}

/** Copies a share link to the clipboard and says so next to the button. */
async function copyShareLink(button, status, link) {
  if (!link) {
    setText(status, "Too big for a share link (over 32,000 characters).");
    return;
  }
  try {
    await navigator.clipboard.writeText(link);
    setText(status, "Share link copied. It holds the payload: share it only with people who may see it.");
  } catch {
    setText(status, "The clipboard is not available here.");
  }
  button.dataset.link = link;
}

async function main() {
  try {
    await init();
  } catch (e) {
    $("loading").hidden = true;
    const banner = $("load-error");
    setText(banner, `contactkit could not be loaded: ${e && e.message ? e.message : e}. Serve this page over http (bash scripts/serve-www.sh) after building the package.`);
    banner.hidden = false;
    return;
  }
  const list = formats();
  const readList = READ_FORMATS.map((f) => ({ ...f, title: schema(f.id).title }));
  setText($("version"), `v${version()}`);
  const work = store.loadWork();

  const formView = new FormView(
    {
      form: $("contact-form"),
      title: $("form-title"),
      description: $("form-description"),
      defsNote: $("form-defs-note"),
      schemaBox: $("form-schema"),
      json: $("json-editor"),
      jsonFindings: $("json-findings"),
      copy: $("json-copy"),
      copyStatus: $("json-copy-status"),
      summary: $("form-summary"),
      status: $("form-status"),
      statusText: $("form-status-text"),
      jump: $("form-jump"),
      jumpText: $("form-jump-text"),
      findings: $("form-findings"),
      preview: $("form-preview"),
      previewIntro: $("preview-intro"),
      previewBody: $("preview-body"),
    },
    list,
  );
  const convertView = new ConvertView(
    {
      root: $("conv-root"),
      drop: $("conv-drop"),
      input: $("conv-input"),
      file: $("conv-file"),
      fileNote: $("conv-file-note"),
      lenient: $("conv-lenient"),
      normalize: $("conv-normalize"),
      externalIdBox: $("conv-external-id"),
      externalIdSource: $("conv-external-id-source"),
      progress: $("conv-progress"),
      progressBar: $("conv-progress-bar"),
      progressText: $("conv-progress-text"),
      cancel: $("conv-cancel"),
      announce: $("conv-announce"),
      status: $("conv-status"),
      statusText: $("conv-status-text"),
      nav: $("conv-nav"),
      prev: $("conv-prev"),
      next: $("conv-next"),
      nextProblem: $("conv-next-problem"),
      record: $("conv-record"),
      recordOf: $("conv-record-of"),
      source: $("conv-source"),
      targets: $("conv-targets"),
    },
    list,
    readList,
  );
  const definitionsView = new DefinitionsView($("defs"), (definitions) => {
    formView.setDefinitions(definitions);
    convertView.setDefinitions(definitions);
    if (store.keepEnabled()) store.saveWork("definitions", definitionsView.state);
  });

  const formSamples = (format) => showSamples($("form-samples"), format, (s) => formView.load(s.payload));
  const convSamples = (format) =>
    showSamples(
      $("conv-samples"),
      format,
      (s) => convertView.load(JSON.stringify(s.payload, null, 2), `${format}-${s.id}`),
      async (batch) => convertView.load(await batchText(batch.file), batch.file.replace(/\.ndjson$/, "")),
    );

  // Saving (opt-in): the form's payloads per format, the conversion input, the definitions.
  const saveForm = () => {
    if (store.keepEnabled()) store.saveWork("form", { format: formView.format, payloads: formView.allPayloads() });
  };
  const saveConvert = () => {
    if (!store.keepEnabled()) return;
    const text = convertView.text;
    store.saveWork("convert", {
      from: convertView.from,
      text: text !== undefined && text.length <= store.KEEP_LIMIT ? text : "",
      lenient: $("conv-lenient").checked,
      normalize: $("conv-normalize").checked,
    });
  };
  formView.onChange = saveForm;
  convertView.onChange = saveConvert;

  // Restore what was kept, or what a share link holds.
  const shared = store.sharedState();
  if (work.form?.payloads && typeof work.form.payloads === "object") formView.restore(work.form.payloads);
  let formFormat = list.some((f) => f.id === work.form?.format) ? work.form.format : formView.format;
  let convFrom = [...list, ...readList].some((f) => f.id === work.convert?.from) ? work.convert.from : convertView.from;
  if (work.convert) {
    $("conv-lenient").checked = work.convert.lenient === true;
    $("conv-normalize").checked = work.convert.normalize === true;
  }
  let initialView = location.hash;
  if (shared) {
    if (shared.view === "convert" && [...list, ...readList].some((f) => f.id === shared.format)) {
      convFrom = shared.format;
      initialView = "#convert";
    } else if (list.some((f) => f.id === shared.format)) {
      formFormat = shared.format;
      initialView = "#form";
    }
  }

  formatPicker($("form-format"), list, "form-format", formFormat, (id) => {
    formView.setFormat(id);
    formSamples(id);
    saveForm();
  });
  const onConvFormat = (id) => {
    convertView.setFormat(id);
    convSamples(id);
  };
  formatPicker($("conv-format"), list, "conv-format", convFrom, onConvFormat);
  formatPicker($("conv-read-format"), readList, "conv-format", convFrom, onConvFormat);
  $("form-clear").addEventListener("click", () => formView.load({}));

  formView.setFormat(formFormat);
  convertView.from = convFrom;
  if (shared?.view === "form" && shared.format === formFormat && shared.payload && typeof shared.payload === "object") {
    formView.load(shared.payload);
  }
  if (shared?.view === "convert" && typeof shared.payload === "string") {
    convertView.load(shared.payload, `${convFrom}-shared`);
  } else if (typeof work.convert?.text === "string" && work.convert.text !== "") {
    convertView.load(work.convert.text, "contacts");
  } else {
    convertView.setFormat(convFrom);
  }
  if (shared) {
    // The payload leaves the address bar (and so later history entries and copied URLs).
    history.replaceState(null, "", initialView);
    const note = $("share-note");
    setText(note, "Loaded the payload of a share link. It was in the link itself (after the #): this page sent it nowhere, and has now removed it from the address bar.");
    note.hidden = false;
  }
  if (work.definitions) {
    for (const [vendor, text] of Object.entries(work.definitions)) {
      if (typeof text === "string" && ["helpscout", "intercom", "bird"].includes(vendor)) definitionsView.set(vendor, text);
    }
  }
  await Promise.all([formSamples(formFormat), convSamples(convFrom)]);

  // The two opt-in switches.
  const keep = $("keep-work");
  const share = $("share-links");
  keep.checked = store.keepEnabled();
  share.checked = store.shareEnabledKept();
  const showShare = () => {
    for (const b of document.querySelectorAll(".share-btn")) b.hidden = !share.checked;
  };
  showShare();
  keep.addEventListener("change", () => {
    if (!store.setKeep(keep.checked, share.checked)) {
      keep.checked = false;
      return;
    }
    if (keep.checked) {
      saveForm();
      saveConvert();
      store.saveWork("definitions", definitionsView.state);
    }
  });
  share.addEventListener("change", () => {
    store.setShareKept(share.checked);
    showShare();
  });
  $("json-share").addEventListener("click", (e) =>
    copyShareLink(e.currentTarget, $("json-copy-status"), store.shareLink("form", formView.format, formView.payload)),
  );
  $("conv-share").addEventListener("click", (e) => {
    const text = convertView.text;
    const link = text !== undefined && text.length <= TEXTAREA_LIMIT ? store.shareLink("convert", convertView.from, text) : undefined;
    copyShareLink(e.currentTarget, $("conv-file-note"), link);
  });

  $("loading").hidden = true;
  setupTabs(initialView);
  document.documentElement.dataset.ready = "true";
}

main();
