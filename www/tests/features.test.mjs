// Browser tests of what issue 16 adds to the demo page: copying the JSON view, dropping a file,
// opt-in keeping of work and opt-in share links (with their personal-data warnings), custom
// field definitions, the read formats, the response preview and the place of the external-id
// choice; and the screenshots (desktop 1280×800 and mobile 390×844, light and dark).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { join } from "node:path";

import {
  artifacts,
  baseUrl,
  chooseFormat,
  ck,
  DESKTOP,
  foreign,
  MOBILE,
  newContext,
  openPage,
  samples,
  setup,
  shot,
  showTab,
  waitSettled,
} from "./harness.mjs";

setup();

const STORAGE_PREFIX = "contactkit-demo:";
const keys = (page) => page.evaluate(() => Object.keys(localStorage));

describe("also expected by users", () => {
  test("the JSON view has a copy button", async () => {
    const { page, close } = await openPage({ clipboard: true });
    await page.getByLabel("First name", { exact: true }).fill("Ada");
    await waitSettled(page);
    await page.getByRole("button", { name: "Copy JSON" }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator("#json-editor").inputValue());
    assert.match(await page.locator("#json-copy-status").textContent(), /copied/);
    await close();
  });

  test("a file dropped on the source panel is converted", async () => {
    const { page, close } = await openPage({ hash: "#convert" });
    const text = samples("helpscout").samples.slice(0, 3).map((s) => JSON.stringify(s.payload)).join("\n");
    await page.evaluate((ndjson) => {
      const data = new DataTransfer();
      data.items.add(new File([ndjson], "dropped.ndjson", { type: "application/x-ndjson" }));
      const panel = document.getElementById("conv-drop");
      const over = new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true });
      panel.dispatchEvent(over);
      window.__overAccepted = over.defaultPrevented;
      panel.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    assert.equal(await page.evaluate(() => window.__overAccepted), true, "the panel accepts the drag");
    await page.locator("#conv-status-text", { hasText: /^3 records/ }).waitFor();
    assert.match(await page.locator("#conv-file-note").textContent(), /Dropped dropped\.ndjson/);
    assert.equal(await page.locator("#conv-input").inputValue(), text);
    await close();
  });

  test("keeping work across reloads is off by default, opt-in with a personal-data warning, and off deletes it", async () => {
    const context = await newContext();
    const { page, close } = await openPage({ context });
    const keep = page.getByRole("switch", { name: "Keep my work in this browser" });
    assert.equal(await keep.isChecked(), false, "off by default");
    const warning = await page.locator(`#${await keep.getAttribute("aria-describedby")}`).textContent();
    assert.match(warning, /unencrypted/);
    assert.match(warning, /until you turn this off, which deletes it/);
    await page.getByLabel("First name", { exact: true }).fill("Ada");
    await waitSettled(page);
    assert.deepEqual((await keys(page)).filter((k) => k.startsWith(STORAGE_PREFIX)), [], "nothing stored while off");
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    assert.equal(await page.getByLabel("First name", { exact: true }).inputValue(), "", "not kept while off");
    // On: the form, the conversion input and the definitions survive a reload.
    await keep.check();
    await page.getByLabel("First name", { exact: true }).fill("Grace");
    await chooseFormat(page, "form", "bird");
    await page.getByLabel("Display name").fill("Grace Hopper");
    await waitSettled(page);
    await showTab(page, "Conversion");
    await page.locator("#conv-input").fill('{"firstName": "Kept"}');
    // Converted (and so kept: the input is saved when its conversion starts).
    await page.locator("#conv-source .source-head").waitFor();
    await showTab(page, "Custom fields");
    await page.locator('[data-example="bird"]').click();
    await page.locator('#defs [data-state="valid"]').waitFor();
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    assert.equal(await keep.isChecked(), true);
    await showTab(page, "Form check");
    assert.equal(await page.getByLabel("Display name").inputValue(), "Grace Hopper", "the last format and its payload");
    await chooseFormat(page, "form", "helpscout");
    assert.equal(await page.getByLabel("First name", { exact: true }).inputValue(), "Grace");
    assert.equal(await page.locator("#conv-input").inputValue(), '{"firstName": "Kept"}');
    assert.match(await page.locator('#defs textarea[data-vendor="bird"]').inputValue(), /attribute|results/);
    // Off: deleted at once.
    await keep.uncheck();
    assert.deepEqual((await keys(page)).filter((k) => k.startsWith(STORAGE_PREFIX)), [], "turning it off deletes everything");
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    await showTab(page, "Form check");
    assert.equal(await page.getByLabel("First name", { exact: true }).inputValue(), "");
    await close();
    await context.close();
  });

  test("share links are off by default, opt-in with a warning; a link loads the payload and leaves the address bar", async () => {
    const context = await newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const { page, close } = await openPage({ context });
    assert.equal(await page.locator("#json-share").isHidden(), true, "no share button by default");
    const share = page.getByRole("switch", { name: "Allow share links" });
    assert.match(await page.locator(`#${await share.getAttribute("aria-describedby")}`).textContent(), /holds the whole payload \(personal data\)/);
    await share.check();
    await chooseFormat(page, "form", "bird");
    const payload = { displayName: "Zoë Ørsted", identifiers: [{ key: "emailaddress", value: "zoe@example.dk" }] };
    await page.locator("#json-editor").fill(JSON.stringify(payload));
    await page.getByRole("button", { name: "Copy share link" }).first().click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#share=[A-Za-z0-9_-]+$/);
    assert.ok(link.startsWith(baseUrl()), "a link to this page");
    // Opened elsewhere: the payload is there, and the fragment is gone from the address bar.
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForSelector("html[data-ready=true]");
    assert.deepEqual(JSON.parse(await other.locator("#json-editor").inputValue()), payload);
    assert.equal(await other.locator("#form-format-bird").isChecked(), true);
    assert.equal(new URL(other.url()).hash, "#form");
    assert.match(await other.locator("#share-note").textContent(), /removed it from the address bar/);
    // The conversion input too.
    await showTab(page, "Conversion");
    await page.locator("#conv-input").fill('{"firstName": "Ada", "lastName": "Lovelace"}');
    await page.locator("#conv-share").click();
    const convLink = await page.evaluate(() => navigator.clipboard.readText());
    await other.close();
    const third = await context.newPage();
    await third.goto(convLink);
    await third.waitForSelector("html[data-ready=true]");
    assert.equal(await third.locator("#tab-convert").getAttribute("aria-selected"), "true");
    assert.equal(await third.locator("#conv-input").inputValue(), '{"firstName": "Ada", "lastName": "Lovelace"}');
    await third.locator('#conv-targets [data-target="bird"][data-ok="true"]').waitFor();
    await third.close();
    await close();
    await context.close();
  });
});

describe("new capabilities", () => {
  test("custom field definitions: pasted list bodies check custom values by type in the form and in conversion", async () => {
    const { page, close } = await openPage();
    await showTab(page, "Custom fields");
    const hs = page.locator('#defs textarea[data-vendor="helpscout"]');
    await page.locator('[data-example="helpscout"]').click();
    const status = page.locator('#defs [data-state="valid"]');
    await status.first().waitFor();
    // What the library cannot read is said, and not used.
    const bird = page.locator('#defs textarea[data-vendor="bird"]');
    await bird.fill('{"results": [{"key": "plan"}]}');
    assert.equal(await bird.getAttribute("aria-invalid"), "true");
    const birdStatus = page.locator(`#${(await bird.getAttribute("aria-describedby")).split(" ")[1]}`);
    assert.match(await birdStatus.textContent(), /^Not used: definitions \/bird\/0: needs a string "type"/);
    await bird.fill("");
    // The form: a number property with text is the library's type error.
    await showTab(page, "Form check");
    assert.match(await page.locator("#form-defs-note").textContent(), /helpscout/);
    await page.locator("#json-editor").fill(JSON.stringify({ properties: [{ slug: "seats", value: "many" }] }));
    await page.locator('#contact-form .finding[data-code="type"]', { hasText: "must be an integer (number property)" }).waitFor();
    // Typing in the property's row is checked against the definitions too.
    await page.getByLabel("Type", { exact: true }).selectOption("number");
    await page.getByLabel("Value of property 1").fill("12");
    await page.locator('#contact-form .finding[data-code="type"]').waitFor({ state: "detached" });
    // Conversion: the same record is rejected at the source stage with that finding.
    await showTab(page, "Conversion");
    await page.locator("#conv-input").fill(JSON.stringify({ firstName: "Ada", properties: [{ slug: "seats", value: "many" }] }));
    await page.locator('#conv-source .finding[data-code="type"]').waitFor();
    assert.equal(await page.locator('#conv-targets [data-target="intercom"]').getAttribute("data-stage"), "source");
    // Without definitions the same record converts.
    await showTab(page, "Custom fields");
    await hs.fill("");
    await showTab(page, "Conversion");
    await page.locator('#conv-targets [data-target="intercom"][data-ok="true"]').waitFor();
    await close();
  });

  test("read formats: an object exported from Intercom, Bird or Help Scout is migrated", async () => {
    const { page, close } = await openPage({ hash: "#convert" });
    for (const format of ["intercom-contact", "bird-contact", "helpscout-customer"]) {
      await chooseFormat(page, "conv", format);
      const sample = samples(format).samples[0];
      await page.locator(`#conv-samples [data-sample="${sample.id}"]`).click();
      const targets = ck.formats().map((f) => f.id);
      await page.locator("#conv-source .source-head.is-ok").waitFor();
      for (const to of targets) {
        const card = page.locator(`#conv-targets [data-target="${to}"]`);
        const expected = ck.convert(format, to, sample.payload);
        await page.locator(`#conv-targets [data-target="${to}"][data-ok="${expected.ok}"]`).waitFor();
        if (expected.ok) assert.deepEqual(JSON.parse(await card.locator("pre").first().textContent()), expected.payload, `${format} → ${to}`);
      }
    }
    await shot(page, "convert-read-format.png");
    await close();
  });

  test("response preview: what the vendor returns, in the form and for each converted payload", async () => {
    const { page, close } = await openPage();
    await chooseFormat(page, "form", "bird");
    const sample = samples("bird").samples[0];
    await page.locator(`#form-samples [data-sample="${sample.id}"]`).click();
    await waitSettled(page);
    await page.locator("#form-preview summary").click();
    const shown = JSON.parse(await page.locator("#form-preview pre").textContent());
    assert.deepEqual(shown, ck.preview("bird", sample.payload).payload);
    assert.equal(shown.computedDisplayName, ck.preview("bird", sample.payload).payload.computedDisplayName);
    // An invalid payload has no preview; Sequence documents none.
    await page.locator('#form-samples [data-sample="invalid"]').click();
    await waitSettled(page);
    assert.match(await page.locator("#preview-body").textContent(), /would reject this payload/);
    await chooseFormat(page, "form", "sequence");
    assert.match(await page.locator("#preview-intro").textContent(), /does not document/);
    // In the conversion cards.
    await showTab(page, "Conversion");
    await page.locator('#conv-samples [data-sample="joelle"]').click();
    const card = page.locator('#conv-targets [data-target="intercom"]');
    await card.locator(".card__preview summary").click();
    const converted = JSON.parse(await card.locator("pre").first().textContent());
    assert.deepEqual(JSON.parse(await card.locator(".card__preview pre").textContent()), ck.preview("intercom", converted).payload);
    await close();
  });

  test("the external-id choice: shown when the package has the option, and a Help Scout customer becomes a Sequence person", async () => {
    const { page, close } = await openPage({ hash: "#convert" });
    let supported = true;
    try {
      ck.convert("canonical", "sequence", "{}", { externalId: "email" });
    } catch (e) {
      if (e.code !== "invalid_option") throw e;
      supported = false;
    }
    assert.equal(await page.locator("#conv-external-id").isVisible(), supported);
    assert.equal(await page.locator("#conv-external-id-source").count(), 1);
    if (supported) {
      // A Help Scout customer has no external id: Sequence needs one, taken from the email.
      const sample = samples("helpscout").samples.find((s) => s.id === "joelle");
      await page.locator('#conv-samples [data-sample="joelle"]').click();
      await page.locator('#conv-targets [data-target="sequence"][data-ok="false"]').waitFor();
      await page.getByLabel("External id from").selectOption("email");
      const card = page.locator('#conv-targets [data-target="sequence"][data-ok="true"]');
      await card.waitFor();
      const expected = ck.convert("helpscout", "sequence", sample.payload, { externalId: "email" });
      assert.deepEqual(JSON.parse(await card.locator("pre").first().textContent()), expected.payload);
      assert.match(await card.locator('.note[data-code="derived"]').textContent(), /^Derived Sequence \/externalId/);
    }
    await close();
  });
});

describe("screenshots (looked at)", () => {
  for (const [device, viewport] of [["desktop", DESKTOP], ["mobile", MOBILE]]) {
    for (const colorScheme of ["light", "dark"]) {
      test(`${device} ${viewport.width}×${viewport.height}, ${colorScheme}: form, conversion, custom fields`, async () => {
        const { page, close } = await openPage({ ...viewport, colorScheme });
        const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        await chooseFormat(page, "form", "intercom");
        await page.locator('#contact-form [data-pointer="/role"] select').selectOption("user");
        await page.getByLabel("Name", { exact: true }).fill("Fatima Al-Sayed");
        await waitSettled(page);
        assert.equal(await overflow(), 0);
        await page.screenshot({ path: join(artifacts, `form-${device}-${colorScheme}-viewport.png`) });
        await shot(page, `form-${device}-${colorScheme}.png`);
        await showTab(page, "Conversion");
        await page.locator('#conv-samples [data-sample="batch"]').click();
        await page.locator('#conv-targets [data-target="bird"] pre').first().waitFor();
        assert.equal(await overflow(), 0);
        await shot(page, `convert-${device}-${colorScheme}.png`);
        await showTab(page, "Custom fields");
        await page.locator('[data-example="intercom"]').click();
        assert.equal(await overflow(), 0);
        await shot(page, `fields-${device}-${colorScheme}.png`);
        await close();
      });
    }
  }
});

test("no request left 127.0.0.1 during these tests", () => {
  assert.deepEqual(foreign(), []);
});
