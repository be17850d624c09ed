/**
 * Node texts that try to break out of every format the renderers write: HTML, the embedded JSON,
 * the terminal, Mermaid and DOT. Put them in a tree with `sampleTree({ texts: HOSTILE_TEXTS })`.
 */
export const HOSTILE_TEXTS = [
  "<script>window.__pwned = 'script'</script>",
  "</script><script>window.__pwned = 'close-tag'</script>",
  "<img src=x onerror=\"window.__pwned = 'img'; alert(1)\">",
  "<!-- <script>window.__pwned = 'comment'</script>",
  '" onmouseover="window.__pwned = \'attr\'" x="',
  "'; window.__pwned = 'quote'; '",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal is the payload
  "`${window.__pwned = 'template'}`",
  "line\u2028separator\u2029paragraph",
  "\u001b[2J\u001b[31mred\u001b[0m and a bell\u0007",
  'n1["injected"] --> n2\nclick n1 "javascript:alert(1)"',
  "%%{init: {'securityLevel': 'loose'}}%%",
  'a" ]; evil [label="x',
  "back\\slash \\N \\G \\l",
  "#quot; &amp; <b>bold</b> | pipes | {braces} [brackets]",
];
