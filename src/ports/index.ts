export type * from "./agent.directory.js";
export type * from "./clock.js";
export type * from "./conversation.store.js";
export type * from "./crm.js";
export type * from "./mailer.js";
export type * from "./nlu.js";
export type * from "./publisher.js";
export type * from "./visitor-session.store.js";
