/**
 * The comparison page's only style sheet, inline and allowed by its hash. Two columns that each
 * scroll sideways when a diagram is wider than half the window, one column on a narrow screen.
 */
export const COMPARISON_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#f9fafb}
header,footer{padding:16px 24px}
.brand{color:#6b7280;font-size:12px;text-transform:uppercase;letter-spacing:.06em}
h1{font-size:18px;margin:4px 0 0;overflow-wrap:anywhere}
h2{font-size:14px;margin:0 0 8px;color:#374151}
.warning{color:#b45309;overflow-wrap:anywhere}
.facts{margin:0 24px 16px;border-collapse:collapse;background:#fff;border:1px solid #e5e7eb}
.facts th,.facts td{padding:4px 12px;border-bottom:1px solid #f3f4f6;text-align:left;vertical-align:top;overflow-wrap:anywhere;max-width:40ch}
.facts thead th{border-bottom:1px solid #d1d5db}
.facts tbody th{color:#6b7280;font-weight:500}
.good{color:#15803d;font-weight:600}
.bad{color:#b91c1c;font-weight:600}
.columns{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px;padding:0 24px}
.pane{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:12px;min-width:0}
.picture{overflow-x:auto}
.picture svg{display:block}
footer{color:#6b7280;font-size:12px}
@media (max-width:900px){.columns{grid-template-columns:minmax(0,1fr)}}
`;
