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
export { flattenText } from "./text/flatten-text.js";
export { type RenderTextOptions, renderText } from "./text/render-text.js";
