export { type FilledTemplate, fillTemplate, type TemplateSource } from "./fill-template.js";
