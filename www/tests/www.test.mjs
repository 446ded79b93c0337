// Browser tests of the demo page (www/): the form check, the conversion view, samples, safety
// and accessibility basics. The fixes and capabilities of issue 16 are in fixes.test.mjs,
// features.test.mjs and big.test.mjs. Run by scripts/test-www.sh; shared set-up in harness.mjs.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";

import { chooseFormat, ck, field, foreign, openPage, samplesShown, setup, shot, showTab, waitSettled, www } from "./harness.mjs";

setup();

const XSS = "<img src=x onerror=alert(1)>";
const FIRST_NAME_41 = "Maximiliane-Friederike-Charlotte Annelies";
const FIRST_NAME_40 = "Élodie-Noémie Françoise Marie-Thérèse Lé";

describe("demo page", () => {
  test("loads under its Content-Security-Policy without errors and shows the package version", async () => {
    const { page, log, close } = await openPage();
    assert.deepEqual(log.errors, [], "WebAssembly loads under the CSP without violations");
    const pkgVersion = JSON.parse(readFileSync(join(www, "pkg/package.json"), "utf8")).version;
    assert.equal(await page.locator("#version").textContent(), `v${pkgVersion}`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "worker-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "require-trusted-types-for 'script'",
      "trusted-types contactkit-worker",
    ]) {
      assert.ok(csp.includes(directive), `CSP has ${directive}`);
    }
    assert.equal(await page.locator("script:not([src])").count(), 0, "no inline scripts");
    // Trusted Types are enforced: assigning an HTML string to a sink throws.
    const sink = await page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>x</b>";
        return "assigned";
      } catch (e) {
        return e.name;
      }
    });
    assert.equal(sink, "TypeError", "innerHTML with a string is refused by the page's CSP");
    // The one Trusted Types policy (for the conversion worker) accepts only the worker's URL.
    const worker = await page.evaluate(() => {
      try {
        return String(new Worker("data:text/javascript,1"));
      } catch (e) {
        return e.name;
      }
    });
    assert.equal(worker, "TypeError", "a worker from another URL is refused");
    log.allow = /TrustedHTML|TrustedScriptURL|Trusted Type/; // the refusals are reported on the console, by design
    assert.equal(await page.locator("[style]").count(), 0, "no inline styles");
    // The form of the default format (Help Scout) is built from formFields().
    const names = ck.formFields("helpscout").map((f) => f.path);
    for (const p of names) assert.equal(await field(page, p).count(), 1, `form has ${p}`);
    assert.equal(await page.locator("#form-status").getAttribute("data-state"), "valid");
    await close();
  });

  test("Help Scout: a 41-character first name shows too_long next to the field; 40 characters (multi-byte) clear it", async () => {
    const { page, close } = await openPage();
    const input = page.getByLabel("First name", { exact: true });
    assert.equal([...FIRST_NAME_41].length, 41);
    await input.pressSequentially(FIRST_NAME_41);
    const finding = field(page, "/firstName").locator('.finding[data-code="too_long"]');
    await finding.waitFor();
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    assert.match(await finding.textContent(), /First name is 41 characters long, the maximum is 40/);
    assert.match(await finding.textContent(), /Error/, "severity is written, not only coloured");
    // aria-describedby points at the finding text.
    const describedBy = (await input.getAttribute("aria-describedby")).split(" ");
    const findingsId = await field(page, "/firstName").locator(".field__findings").getAttribute("id");
    assert.ok(describedBy.includes(findingsId), "aria-describedby names the findings");
    assert.equal(await field(page, "/firstName").locator(".counter").textContent(), "41 / 40 · 1 over");
    // The library's verdict is also the input's native constraint state (setCustomValidity).
    assert.deepEqual(await input.evaluate((el) => [el.validity.valid, el.validationMessage]), [false, "is 41 characters long, the maximum is 40"]);
    // The summary (an aria-live status) says so too.
    await waitSettled(page);
    assert.match(await page.locator("#form-status-text").textContent(), /Not valid Help Scout: 1 error/);
    assert.equal(await page.locator("#form-status-text").getAttribute("aria-live"), "polite");
    await shot(page, "form-findings.png");

    // 40 characters with multi-byte ones: valid, the finding goes away.
    assert.equal([...FIRST_NAME_40].length, 40);
    assert.ok(new TextEncoder().encode(FIRST_NAME_40).length > 40, "the name has multi-byte characters");
    await input.fill(FIRST_NAME_40);
    await finding.waitFor({ state: "detached" });
    assert.equal(await input.getAttribute("aria-invalid"), "false");
    assert.equal(await input.evaluate((el) => el.validity.valid), true);
    assert.equal(await field(page, "/firstName").locator(".counter").textContent(), "40 / 40");
    await waitSettled(page);
    assert.equal(await page.locator("#form-status").getAttribute("data-state"), "valid");
    assert.deepEqual(JSON.parse(await page.locator("#json-editor").inputValue()), { firstName: FIRST_NAME_40 });

    // Characters are Unicode scalar values: 40 emoji are 80 UTF-16 units but 40 characters.
    const emoji = "😀".repeat(40);
    await input.fill(emoji);
    await waitSettled(page);
    assert.equal(await field(page, "/firstName").locator(".counter").textContent(), "40 / 40");
    assert.equal(await field(page, "/firstName").locator(".finding").count(), 0);
    await input.fill(`${emoji}😀`);
    await field(page, "/firstName").locator('.finding[data-code="too_long"]').waitFor();
    await close();
  });

  test("switching formats rebuilds the form: Bird requires displayName; each format keeps its payload", async () => {
    const { page, close } = await openPage();
    await page.getByLabel("First name", { exact: true }).fill("Ada");
    await chooseFormat(page, "form", "bird");
    await page.waitForSelector('#contact-form [data-pointer="/displayName"]');
    assert.equal(await field(page, "/firstName").count(), 0, "Help Scout fields are gone");
    assert.match(await page.locator("#form-title").textContent(), /Bird/);
    const display = page.getByLabel("Display name");
    assert.equal(await display.evaluate((el) => el.required), true, "native required");
    assert.match(await field(page, "/displayName").locator("label").textContent(), /required/i);
    // The empty Bird payload misses it: once the field was left empty, the finding sits next
    // to it (a fresh form does not open with errors: fixes.test.mjs).
    await display.focus();
    await display.blur();
    await field(page, "/displayName").locator('.finding[data-code="required"]').waitFor();
    assert.equal(await display.getAttribute("aria-invalid"), "true");
    // Bird's arrays of objects and key/value attributes.
    assert.equal(await field(page, "/identifiers").locator("button", { hasText: "Add identifier" }).count(), 1);
    assert.equal(await field(page, "/attributes").locator("button", { hasText: "Add attribute" }).count(), 1);
    await display.fill("Ada Lovelace");
    await field(page, "/displayName").locator(".finding").waitFor({ state: "detached" });
    // Every format builds; back to Help Scout, the first name is still there.
    for (const id of ["sequence", "intercom", "canonical"]) {
      await chooseFormat(page, "form", id);
      const first = ck.formFields(id)[0].path;
      await field(page, first).waitFor();
    }
    await page.getByLabel("External id").first().waitFor();
    await chooseFormat(page, "form", "helpscout");
    assert.equal(await page.getByLabel("First name", { exact: true }).inputValue(), "Ada");
    await close();
  });

  test("the JSON view and the form stay in sync both ways; bad JSON shows a syntax finding and keeps the form", async () => {
    const { page, close } = await openPage();
    const json = page.locator("#json-editor");
    await json.fill(JSON.stringify({ firstName: "Zoë", lastName: "Ørsted", emails: [{ type: "work", value: "zoe@example" }], hobby: "chess" }, null, 2));
    assert.equal(await page.getByLabel("Last name", { exact: true }).inputValue(), "Ørsted");
    assert.equal(await field(page, "/emails/0/value").locator("input").inputValue(), "zoe@example");
    // An undocumented member has no input: its warning is in the summary.
    const unmapped = page.locator('#form-findings li[data-unmapped="true"]');
    await unmapped.first().waitFor();
    assert.match(await unmapped.first().textContent(), /\/hobby.*not a documented field/);
    // Invalid JSON: a syntax finding, the form untouched.
    await json.fill('{"firstName": "Zoë", ');
    const syntax = page.locator('#json-findings .finding[data-code="syntax"]');
    await syntax.waitFor();
    assert.match(await syntax.textContent(), /line 1, column/);
    assert.equal(await json.getAttribute("aria-invalid"), "true");
    assert.equal(await page.getByLabel("Last name", { exact: true }).inputValue(), "Ørsted");
    assert.equal(await page.locator("#form-status").getAttribute("data-state"), "invalid");
    // Typing in the form rewrites the JSON from the form's payload.
    await page.getByLabel("Job title").fill("Physicist");
    await waitSettled(page);
    const synced = JSON.parse(await json.inputValue());
    assert.equal(synced.jobTitle, "Physicist");
    assert.equal(synced.lastName, "Ørsted");
    assert.equal(synced.hobby, "chess", "members without inputs survive form edits");
    assert.equal(await page.locator("#json-findings .finding").count(), 0);
    // A JSON value that is not an object.
    await json.fill("[1, 2]");
    await page.locator('#json-findings .finding[data-code="type"]').waitFor();
    await close();
  });

  test("repeatable rows: add, check and remove an email; add a phone with its required type", async () => {
    const { page, close } = await openPage();
    await field(page, "/emails").locator("button", { hasText: "Add email" }).click();
    const value = field(page, "/emails/0/value").locator("input");
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-pointer="/emails/0"]') !== null), true, "focus moves to the new row");
    await value.pressSequentially("ada(at)example.org");
    await field(page, "/emails/0/value").locator('.finding[data-code="format"]').waitFor();
    // The metadata's pattern is a native constraint too, and Chromium agrees with the library.
    assert.equal(await value.getAttribute("pattern"), ck.formFields("helpscout").find((f) => f.name === "emails").fields.find((f) => f.name === "value").pattern);
    assert.equal(await value.evaluate((el) => el.validity.patternMismatch), true);
    await value.fill("ada@example.org");
    await field(page, "/emails/0/value").locator(".finding").waitFor({ state: "detached" });
    assert.equal(await value.evaluate((el) => el.validity.patternMismatch), false);
    await field(page, "/phones").locator("button", { hasText: "Add phone" }).click();
    await waitSettled(page);
    const type = field(page, "/phones/0/type").locator("select");
    assert.equal(await type.evaluate((el) => el.required), true);
    // The new row's required type shows once the payload is checked.
    assert.equal(await field(page, "/phones/0/type").locator(".finding").count(), 0, "no error on an untouched new row");
    await page.getByRole("button", { name: "Check payload" }).click();
    await field(page, "/phones/0/type").locator('.finding[data-code="required"]').waitFor();
    await type.selectOption("mobile");
    await page.getByLabel("Phone number").fill("+44 20 7946 0958");
    await waitSettled(page);
    assert.deepEqual(JSON.parse(await page.locator("#json-editor").inputValue()), {
      emails: [{ value: "ada@example.org" }],
      phones: [{ type: "mobile", value: "+44 20 7946 0958" }],
    });
    await page.getByRole("button", { name: "Remove email 1" }).click();
    await waitSettled(page);
    assert.equal(await field(page, "/emails/0/value").count(), 0);
    assert.equal(JSON.parse(await page.locator("#json-editor").inputValue()).emails, undefined);
    await close();
  });

  test("key/value rows edit custom attributes (Intercom) and Help Scout's list-shaped properties", async () => {
    const { page, close } = await openPage();
    await chooseFormat(page, "form", "intercom");
    // Intercom's one-of rule is about Role, Email and External id: listed once in the summary
    // (after the payload was checked) and shown at each of them (fixes.test.mjs).
    await page.getByRole("button", { name: "Check payload" }).click();
    await page.locator('#form-findings li[data-tied="true"]', { hasText: "one of email, external_id, role is required" }).waitFor();
    await page.getByLabel("Email", { exact: true }).fill("li.wei@example.cn");
    const attrs = field(page, "/custom_attributes");
    await attrs.locator("button", { hasText: "Add custom attribute" }).click();
    await attrs.getByLabel("Name").fill("plan");
    await attrs.getByLabel("Value of custom attribute 1").fill("pro");
    await attrs.locator("button", { hasText: "Add custom attribute" }).click();
    await attrs.getByLabel("Name").nth(1).fill("seats");
    await attrs.getByLabel("Type").nth(1).selectOption("number");
    await attrs.getByLabel("Value of custom attribute 2").fill("12");
    await waitSettled(page);
    assert.deepEqual(JSON.parse(await page.locator("#json-editor").inputValue()), {
      email: "li.wei@example.cn",
      custom_attributes: { plan: "pro", seats: 12 },
    });
    // A nested object is not a valid Intercom attribute value: the finding is on the row.
    await attrs.getByLabel("Type").nth(1).selectOption("json");
    await attrs.getByLabel("Value of custom attribute 2").fill('{"a": 1}');
    await attrs.locator('.finding[data-code="type"]').waitFor();
    await waitSettled(page);
    assert.equal(await page.locator("#form-status").getAttribute("data-state"), "invalid");

    // A free object inside a row (Bird identifier properties) is edited with the same rows.
    await chooseFormat(page, "form", "bird");
    await page.getByLabel("Display name").fill("Ngozi");
    await field(page, "/identifiers").locator("button", { hasText: "Add identifier" }).click();
    await page.getByLabel("Identifier key").fill("phonenumber");
    await page.getByLabel("Identifier value").fill("+2348031234567");
    const idProps = field(page, "/identifiers/0/properties");
    await idProps.locator("button", { hasText: "Add identifier property" }).click();
    await idProps.getByLabel("Name").fill("countryCode");
    await idProps.getByLabel("Value of identifier property 1").fill("NG");
    await waitSettled(page);
    assert.deepEqual(JSON.parse(await page.locator("#json-editor").inputValue()), {
      displayName: "Ngozi",
      identifiers: [{ key: "phonenumber", value: "+2348031234567", properties: { countryCode: "NG" } }],
    });
    assert.equal(await page.locator("#form-status").getAttribute("data-state"), "valid");

    await chooseFormat(page, "form", "helpscout");
    const props = field(page, "/properties");
    await props.locator("button", { hasText: "Add property" }).click();
    await props.getByLabel("Slug").fill("Bad Slug");
    await props.getByLabel("Value of property 1").fill("x");
    await props.locator('.finding[data-code="pattern"]').waitFor();
    await waitSettled(page);
    assert.deepEqual(JSON.parse(await page.locator("#json-editor").inputValue()), {
      properties: [{ slug: "Bad Slug", value: "x" }],
    });
    await close();
  });

  test("samples: every format's samples load with one click and their validity is as labelled", async () => {
    const { page, close } = await openPage();
    for (const { id } of ck.formats()) {
      await chooseFormat(page, "form", id);
      const data = JSON.parse(readFileSync(join(www, `samples/${id}.json`), "utf8"));
      assert.ok(data.samples.length >= 3, `${id} has samples`);
      assert.ok(data.samples.some((s) => !s.valid), `${id} has an invalid sample`);
      await page.locator(`#form-samples [data-sample="${data.samples[0].id}"]`).waitFor();
      for (const sample of data.samples) {
        assert.equal(ck.validate(id, sample.payload).valid, sample.valid, `${id}/${sample.id} is labelled truthfully`);
        await page.locator(`#form-samples [data-sample="${sample.id}"]`).click();
        await waitSettled(page);
        const state = await page.locator("#form-status").getAttribute("data-state");
        assert.equal(state === "invalid", !sample.valid, `${id}/${sample.id}: status ${state}`);
        assert.deepEqual(JSON.parse(await page.locator("#json-editor").inputValue()), sample.payload);
        if (!sample.valid) {
          const expected = ck.validate(id, sample.payload).issues.length;
          assert.equal(await page.locator("#form-findings li").count(), expected, `${id}/${sample.id}: every finding is listed`);
        }
      }
    }
    await close();
  });

  test("conversion preview: a Help Scout sample converted to every other format, notes and a rejection shown", async () => {
    const { page, close } = await openPage();
    await page.getByRole("tab", { name: "Conversion" }).click();
    await page.locator('#conv-samples [data-sample="joelle"]').click();
    const card = (to) => page.locator(`#conv-targets [data-target="${to}"]`);
    await card("bird").locator("pre").first().waitFor();
    const sample = JSON.parse(readFileSync(join(www, "samples/helpscout.json"), "utf8")).samples.find((s) => s.id === "joelle");
    for (const to of ["intercom", "bird", "canonical"]) {
      assert.equal(await card(to).getAttribute("data-ok"), "true", `${to} converted`);
      const expected = ck.convert("helpscout", to, sample.payload);
      assert.deepEqual(JSON.parse(await card(to).locator("pre").first().textContent()), expected.payload, `${to} payload shown`);
      assert.equal(await card(to).locator(".note").count(), expected.notes.length, `${to} notes shown`);
    }
    assert.match(await card("bird").locator("pre").first().textContent(), /"displayName": "Joëlle IJzerman"/);
    assert.match(await card("bird").locator('.note[data-code="joined"]').textContent(), /Bird \/displayName.*first and last name/);
    assert.ok((await card("intercom").locator('.note[data-code="dropped"]').count()) > 0);
    // Sequence needs an external id, which a Help Scout customer does not have.
    assert.equal(await card("sequence").getAttribute("data-ok"), "false");
    assert.equal(await card("sequence").getAttribute("data-stage"), "target");
    assert.match(await card("sequence").locator(".rejection").textContent(), /target stage/);
    assert.match(await card("sequence").locator('.finding[data-code="required"]').textContent(), /\/externalId.*required by Sequence/);


    // An invalid source: every target rejects at the source stage, with the findings.
    await page.locator('#conv-samples [data-sample="invalid"]').click();
    await page.locator('#conv-targets [data-target="bird"][data-stage="source"]').waitFor();
    assert.match(await page.locator("#conv-source").textContent(), /not valid Help Scout/);
    assert.equal(await page.locator('#conv-source .finding[data-code="too_long"]').count(), 1);
    assert.match(await card("bird").locator(".card__body").textContent(), /Not converted: the record is not valid Help Scout\.5 errors in the source record/);
    await shot(page, "convert-invalid.png");
    await close();
  });

  test("lenient switch: a long job title is rejected strictly and truncated leniently", async () => {
    const { page, close } = await openPage({ hash: "#convert" });
    await chooseFormat(page, "conv", "canonical");
    await page.locator('#conv-samples [data-sample="ngozi"]').click();
    const hs = page.locator('#conv-targets [data-target="helpscout"]');
    await page.locator('#conv-targets [data-target="helpscout"][data-ok="false"]').waitFor();
    assert.match(await hs.locator(".finding").textContent(), /\/jobTitle.*too_long/s);
    await page.getByRole("switch", { name: "Lenient" }).check();
    await page.locator('#conv-targets [data-target="helpscout"][data-ok="true"]').waitFor();
    assert.match(await hs.locator('.note[data-code="truncated"]').textContent(), /\/jobTitle/);
    const payload = JSON.parse(await hs.locator("pre").first().textContent());
    assert.equal([...payload.jobTitle].length, 60);
    await close();
  });

  test("NDJSON batch: counts per target, record navigation and a downloaded NDJSON file per target", async () => {
    const { page, close } = await openPage({ hash: "#convert" });
    await page.locator('#conv-samples [data-sample="batch"]').click();
    await page.locator("#conv-nav:not([hidden])").waitFor();
    const lines = readFileSync(join(www, "samples/helpscout.ndjson"), "utf8").split("\n").filter(Boolean);
    const valid = lines.filter((l) => ck.validate("helpscout", l).valid).length;
    assert.match(await page.locator("#conv-status-text").textContent(), new RegExp(`${lines.length} records: ${valid} valid Help Scout, ${lines.length - valid} invalid`));
    const expectedOk = lines.filter((l) => ck.convert("helpscout", "intercom", l).ok).length;
    const card = page.locator('#conv-targets [data-target="intercom"]');
    assert.match(await card.locator(".card__batch").textContent(), new RegExp(`${expectedOk} converted, ${lines.length - expectedOk} rejected`));
    // Navigate to the next record with problems.
    await page.getByRole("button", { name: "Next invalid record" }).click();
    const index = Number(await page.locator("#conv-record").inputValue()) - 1;
    assert.equal(ck.validate("helpscout", lines[index]).valid, false, "the shown record is invalid");
    assert.equal(lines.slice(0, index).every((l) => ck.validate("helpscout", l).valid), true, "it is the first invalid one");
    await page.locator("#conv-source .source-head.is-bad").waitFor();
    await shot(page, "convert-batch.png");
    // Download: a Blob, no network; every line is a valid Intercom payload.
    const [download] = await Promise.all([page.waitForEvent("download"), card.locator("[data-download]").click()]);
    assert.equal(download.suggestedFilename(), "helpscout.intercom.ndjson");
    assert.match(download.url(), /^blob:/);
    const out = readFileSync(await download.path(), "utf8").split("\n").filter(Boolean);
    assert.equal(out.length, expectedOk);
    for (const line of out) assert.ok(ck.validate("intercom", line).valid, line);
    // A file from the file input.
    const file = join(tmpdir(), `contactkit-www-${process.pid}.ndjson`);
    const few = [...lines.slice(0, 3), lines.find((l) => !ck.convert("helpscout", "intercom", l).ok)];
    writeFileSync(file, `${few.join("\n")}\n`);
    await page.locator("#conv-file").setInputFiles(file);
    await page.locator("#conv-status-text", { hasText: /^4 records/ }).waitFor();
    assert.match(await page.locator("#conv-file-note").textContent(), /Loaded contactkit-www-/);
    // The rejects of a target, with their reasons: the CLI's --rejects lines.
    const [rejects] = await Promise.all([page.waitForEvent("download"), card.locator("[data-download-rejects]").click()]);
    assert.equal(rejects.suggestedFilename(), "contactkit-www-" + process.pid + ".intercom.rejects.ndjson");
    assert.equal(readFileSync(await rejects.path(), "utf8"), ck.convertMany("helpscout", "intercom", few.join("\n")).rejects);
    await close();
  });

  test("XSS probe: markup typed into a field, the JSON view and the conversion input is shown as text and runs nothing", async () => {
    const { page, log, close } = await openPage();
    await page.getByLabel("First name", { exact: true }).fill(XSS);
    await page.getByLabel("Job title").fill(XSS);
    await field(page, "/properties").locator("button", { hasText: "Add property" }).click();
    await page.getByLabel("Slug").fill(XSS);
    await waitSettled(page);
    assert.equal(JSON.parse(await page.locator("#json-editor").inputValue()).firstName, XSS);
    // Into the JSON view: an undocumented member named like markup, listed in the summary.
    const json = page.locator("#json-editor");
    await json.fill(JSON.stringify({ lastName: XSS, [XSS]: XSS }));
    assert.equal(await page.getByLabel("Last name", { exact: true }).inputValue(), XSS);
    await page.locator("#form-findings li", { hasText: XSS }).first().waitFor();
    assert.ok((await page.locator("#contact-form .others code", { hasText: XSS }).count()) === 1, "the member name shows literally");
    // Into the conversion preview.
    await page.getByRole("tab", { name: "Conversion" }).click();
    await page.locator("#conv-input").fill(JSON.stringify({ firstName: "Ada", lastName: XSS, jobTitle: XSS }));
    await page.locator('#conv-targets [data-target="bird"][data-ok="true"]').waitFor();
    assert.match(await page.locator('#conv-targets [data-target="bird"] pre').first().textContent(), /"displayName": "Ada <img src=x onerror=alert\(1\)>"/);
    await page.waitForTimeout(300);
    assert.deepEqual(log.dialogs, [], "no dialog opened");
    assert.equal(await page.locator("img").count(), 0, "no <img> element was created");
    assert.equal(log.requests.filter((u) => new URL(u).pathname.endsWith("/x")).length, 0, "nothing requested src=x");
    assert.equal(await page.evaluate(() => document.body.innerHTML.includes("<img")), false, "markup appears only as text");
    await close();
  });

  test("the page's own source never assigns HTML strings (no innerHTML, outerHTML, insertAdjacentHTML, document.write)", async () => {
    for (const name of readdirSync(join(www, "js"))) {
      const text = readFileSync(join(www, "js", name), "utf8");
      assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(|new Function/, name);
    }
  });

  test("accessible: every control has a label, tabs and format pickers work from the keyboard, focus is visible", async () => {
    const { page, close } = await openPage();
    await page.locator('#form-samples [data-sample="invalid"]').click();
    await waitSettled(page);
    for (const view of ["form", "convert"]) {
      if (view === "convert") {
        await page.getByRole("tab", { name: "Conversion" }).click();
        await page.locator('#conv-samples [data-sample="joelle"]').click();
        await page.locator('#conv-targets [data-target="bird"] pre').first().waitFor();
      }
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll("input, select, textarea")]
          .filter((el) => el.offsetParent !== null || el.type === "radio" || el.type === "checkbox" || el.type === "file")
          .filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")))
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      assert.deepEqual(unlabelled, [], `${view}: every control has a label`);
    }
    // Tabs: arrow keys move between the views.
    await page.getByRole("tab", { name: "Conversion" }).focus();
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.getByRole("tab", { name: "Form check" }).getAttribute("aria-selected"), "true");
    assert.equal(await page.locator("#view-form").isVisible(), true);
    // The format radios: arrow keys switch the format; Tab moves on to the samples.
    await page.locator("#form-format-helpscout").focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('#contact-form [data-pointer="/fullName"]');
    await samplesShown(page, "form"); // the new format's samples, which Tab reaches next
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.closest("#form-samples") !== null);
    assert.equal(focused, true, "Tab goes from the format to the samples");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none", "focus is visible");
    // The first field with an error is one click away from the summary.
    await page.locator('#form-samples [data-sample="invalid"]').click();
    await waitSettled(page);
    await page.locator("#form-findings .link").first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-invalid")), "true");
    await close();
  });

  test("narrow screen (375 px): no horizontal scrolling in any view", async () => {
    const { page, close } = await openPage({ width: 375, height: 812 });
    await page.locator('#form-samples [data-sample="invalid"]').click();
    await waitSettled(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0, "form check fits");
    await page.getByRole("tab", { name: "Conversion" }).click();
    await page.locator('#conv-samples [data-sample="joelle"]').click();
    await page.locator('#conv-targets [data-target="bird"] pre').first().waitFor();
    assert.equal(await overflow(), 0, "conversion view fits");
    await showTab(page, "Custom fields");
    await page.locator('[data-example="helpscout"]').click();
    assert.equal(await overflow(), 0, "custom fields fit");
    await close();
  });

  test("dark colour scheme renders (screenshot)", async () => {
    const { page, close } = await openPage({ colorScheme: "dark" });
    await page.locator('#form-samples [data-sample="invalid"]').click();
    await waitSettled(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, "rgb(14, 17, 23)");

    await page.getByRole("tab", { name: "Conversion" }).click();
    await page.locator('#conv-samples [data-sample="joelle"]').click();
    await page.locator('#conv-targets [data-target="bird"] pre').first().waitFor();

    await close();
  });

  test("no request left 127.0.0.1 during the whole run", () => {
    assert.deepEqual(foreign(), []);
  });
});
