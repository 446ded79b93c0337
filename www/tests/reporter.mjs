// node:test reporter for scripts/test-www.sh: one line per test, failures with their error,
// and a closing line `N passed, N failed`.
export default async function* reporter(source) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  for await (const event of source) {
    const { type, data } = event;
    // Suites (describe) report as tests too; count only leaf tests.
    if (type === "test:pass" && data.details?.type !== "suite") {
      passed += 1;
      yield `  ok    ${data.name} (${Math.round(data.details?.duration_ms ?? 0)} ms)\n`;
    } else if (type === "test:fail" && data.details?.type !== "suite") {
      failed += 1;
      const err = data.details?.error;
      const cause = err?.cause ?? err;
      const text = String(cause?.stack ?? cause?.message ?? cause ?? "failed");
      failures.push(`${data.name}\n${text.split("\n").map((l) => `      ${l}`).join("\n")}`);
      yield `  FAIL  ${data.name}\n`;
    } else if (type === "test:fail" && data.details?.type === "suite") {
      const err = data.details?.error;
      if (err && err.failureType !== "subtestsFailed") {
        failed += 1;
        failures.push(`${data.name} (suite)\n      ${String(err.cause?.stack ?? err.message ?? err)}`);
        yield `  FAIL  ${data.name} (suite hook)\n`;
      }
    } else if (type === "test:stderr" || type === "test:stdout") {
      yield data.message;
    } else if (type === "test:diagnostic" && /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(data.message) === false) {
      yield `  # ${data.message}\n`;
    }
  }
  if (failures.length > 0) {
    yield "\nFailures:\n";
    for (const f of failures) yield `  ${f}\n\n`;
  }
  yield `\n${passed} passed, ${failed} failed\n`;
}
