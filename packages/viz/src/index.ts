export {
  type RenderComparisonOptions,
  renderComparisonHtml,
} from "./compare/render-comparison-html.js";
export type { DiagramOptions } from "./diagram/diagram-label.js";
export { escapeDot, toDot } from "./diagram/to-dot.js";
export { escapeMermaid, toMermaid } from "./diagram/to-mermaid.js";
export { VizError, type VizErrorCode } from "./errors.js";
export { escapeHtml, serializeForScript } from "./html/escape-html.js";
export { type RenderHtmlOptions, renderHtml } from "./html/render-html.js";
export type { LiveMessage } from "./live/live-log.js";
export {
  type LiveServer,
  type LiveServerOptions,
  startLiveServer,
} from "./live/live-server.js";
export { escapeXml } from "./svg/escape-xml.js";
export type { SvgLayout } from "./svg/layout-tree.js";
export { type RenderSvgOptions, renderTreeSvg } from "./svg/render-tree-svg.js";
export type { SvgWeight } from "./svg/select-nodes.js";
export { flattenText } from "./text/flatten-text.js";
export { type RenderTextOptions, renderText } from "./text/render-text.js";
