// The page side of the Web Worker test: the worker validates, the page shows its answer.
const out = document.getElementById("result");
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onmessage = (e) => {
  out.textContent = JSON.stringify(e.data);
  out.dataset.done = "yes";
};
worker.onerror = (e) => {
  out.textContent = JSON.stringify({ error: e.message });
  out.dataset.done = "yes";
};
