// Boot: load the WebAssembly module, build the format pickers, the tabs and both views.
import init, { formats, version } from "../pkg/contactkit.js";
import { ConvertView } from "./convert-view.js";
import { h, replaceChildren, setText } from "./dom.js";
import { FormView } from "./form-view.js";
import { batchText, samplesOf } from "./samples.js";

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el;
};

const shortName = (f) => (f.id === "canonical" ? "Canonical" : f.title.split(" (")[0]);

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

async function showSamples(container, format, onPayload, onBatch) {
  let data;
  try {
    data = await samplesOf(format);
  } catch (e) {
    replaceChildren(container, h("span", { class: "muted small" }, `Samples unavailable (${e.message}).`));
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
}

/** Accessible tabs: click, arrow keys, Home/End; the URL hash remembers the view. */
function setupTabs(onShow) {
  const tabs = [$("tab-form"), $("tab-convert")];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute("aria-controls")).hidden = !on;
    }
    if (focus) tab.focus();
    const hash = tab.id === "tab-convert" ? "#convert" : "#form";
    if (location.hash !== hash) history.replaceState(null, "", hash);
    onShow(tab.id);
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
  select(location.hash === "#convert" ? tabs[1] : tabs[0], false);
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
  setText($("version"), `v${version()}`);

  const formView = new FormView(
    {
      form: $("contact-form"),
      title: $("form-title"),
      description: $("form-description"),
      schemaBox: $("form-schema"),
      json: $("json-editor"),
      jsonFindings: $("json-findings"),
      summary: $("form-summary"),
      status: $("form-status"),
      statusText: $("form-status-text"),
      jump: $("form-jump"),
      jumpText: $("form-jump-text"),
      findings: $("form-findings"),
    },
    list,
  );
  const convertView = new ConvertView(
    {
      root: $("conv-root"),
      input: $("conv-input"),
      file: $("conv-file"),
      fileNote: $("conv-file-note"),
      lenient: $("conv-lenient"),
      normalize: $("conv-normalize"),
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
  );

  const formSamples = (format) =>
    showSamples($("form-samples"), format, (s) => {
      formView.load(s.payload);
    });
  const convSamples = (format) =>
    showSamples(
      $("conv-samples"),
      format,
      (s) => convertView.load(JSON.stringify(s.payload, null, 2), `${format}-${s.id}`),
      async (batch) => convertView.load(await batchText(batch.file), batch.file.replace(/\.ndjson$/, "")),
    );

  formatPicker($("form-format"), list, "form-format", formView.format, (id) => {
    formView.setFormat(id);
    formSamples(id);
  });
  formatPicker($("conv-format"), list, "conv-format", convertView.from, (id) => {
    convertView.setFormat(id);
    convSamples(id);
  });
  $("form-clear").addEventListener("click", () => formView.load({}));

  formView.setFormat(formView.format);
  convertView.setFormat(convertView.from);
  await Promise.all([formSamples(formView.format), convSamples(convertView.from)]);

  $("loading").hidden = true;
  setupTabs(() => {});
  document.documentElement.dataset.ready = "true";
}

main();
