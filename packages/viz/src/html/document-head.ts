import { createHash } from "node:crypto";
import { escapeHtml } from "./escape-html.js";

/** A CSP source that allows exactly this inline script or style: `'sha256-…'`. */
export function hashForCsp(content: string): string {
  return `'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`;
}

/**
 * The start of every page deliberate writes, up to the body: its Content-Security-Policy, no
 * referrer, the escaped title and its one inline style (which the policy must allow by hash).
 */
export function renderDocumentHead(page: {
  readonly csp: string;
  readonly title: string;
  readonly style: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${page.csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="deliberate">
<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style>
</head>`;
}
