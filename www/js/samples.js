// Sample contacts, one file per format under samples/ (same origin: allowed by the page's
// Content-Security-Policy `connect-src 'self'`).

const cache = new Map();

/**
 * The samples of a format: `{ samples: [{ id, title, note, valid, payload }], batch }` where
 * `batch` names an NDJSON file of many records (or is absent).
 */
export async function samplesOf(format) {
  if (!cache.has(format)) {
    cache.set(
      format,
      fetch(`samples/${format}.json`).then((r) => {
        if (!r.ok) throw new Error(`samples/${format}.json: HTTP ${r.status}`);
        return r.json();
      }),
    );
  }
  return cache.get(format);
}

/** The text of a batch file under samples/. */
export async function batchText(file) {
  const r = await fetch(`samples/${file}`);
  if (!r.ok) throw new Error(`samples/${file}: HTTP ${r.status}`);
  return r.text();
}
