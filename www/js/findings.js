// How findings (contactkit's issues) and conversion notes look on the page. Text only.
import { h } from "./dom.js";

const SEVERITY = {
  error: { icon: "✖", label: "Error" },
  warning: { icon: "▲", label: "Warning" },
};

/** The severity badge: an icon (hidden from screen readers) and a word, never colour alone. */
export function severityBadge(severity) {
  const s = SEVERITY[severity] ?? { icon: "•", label: severity };
  return h("span", { class: ["badge", `badge--${severity}`] }, h("span", { "aria-hidden": "true" }, s.icon), ` ${s.label}`);
}

/** A finding code such as `too_long`, as a small monospace tag. */
export function codeTag(code) {
  return h("code", { class: "tag", title: "finding code" }, code);
}

/**
 * One finding as a paragraph: badge, optional subject (a label or a path), message, code.
 * `subject` is text (e.g. "First name") or a node.
 */
export function findingLine(issue, subject) {
  return h(
    "p",
    { class: ["finding", `finding--${issue.severity}`], dataset: { code: issue.code, path: issue.path } },
    severityBadge(issue.severity),
    " ",
    h("span", { class: "finding__text" }, subject ? [subject, " "] : null, issue.message),
    " ",
    codeTag(issue.code),
  );
}

/** A JSON Pointer shown as code; the whole record is shown as "(record)". */
export function pointerCode(path) {
  return h("code", { class: "ptr" }, path === "" ? "(whole record)" : path);
}

/** Counts of errors and warnings. */
export function tally(issues) {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === "error") errors += 1;
    else warnings += 1;
  }
  return { errors, warnings };
}

const NOTE_TEXT = {
  dropped: "Dropped",
  truncated: "Truncated",
  derived: "Derived",
  split: "Split",
  joined: "Joined",
  reformatted: "Reformatted",
  normalized: "Normalized",
};

/**
 * One conversion note: what happened (a word), where (the side and a pointer) and why (the
 * message). `side` names the payload the pointer is in: the source for `dropped` notes, the
 * target for the others (contactkit's rule).
 */
export function noteLine(note, side) {
  return h(
    "li",
    { class: ["note", `note--${note.code}`], dataset: { code: note.code } },
    h("span", { class: ["badge", `badge--note`, `badge--${note.code}`] }, NOTE_TEXT[note.code] ?? note.code),
    " ",
    h("span", { class: "note__side" }, side),
    " ",
    pointerCode(note.path),
    " ",
    h("span", { class: "note__text" }, note.message),
  );
}
