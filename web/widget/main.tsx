/**
 * The visitor widget, embedded with one tag:
 *   <script src="https://baton.example/widget.js" data-color="#4f46e5"
 *     data-greeting="Hi! How can we help?" data-position="right" data-lang="auto" async></script>
 * It reads its own src to find the server, draws itself in a shadow root, and exposes
 * `window.BatonWidget.open() / close() / identify({ email, userHash | identityToken }) / signOut()`.
 */
import { render } from "preact";
import { pickLanguage, translator } from "../shared/i18n.js";
import { connectNamespace } from "../shared/socket.js";
import { ChatClient, type VisitorIdentity } from "./chat-client.js";
import { greetingFor, readEmbedConfig, textOn } from "./embed-config.js";
import { browserStorage } from "./storage.js";
import STYLES from "./widget.css?inline";
import { OpenState, Widget } from "./widget.js";
import { setAttachmentOrigin } from "./attachment.js";

interface Mounted {
  readonly client: ChatClient;
  readonly openState: OpenState;
}

const MARK = "__batonWidget";
type Marked = typeof globalThis & { [MARK]?: Mounted };

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-color], script[src*="widget.js"]');
}

/** Read while this script runs: `document.currentScript` is null once it has finished. */
const SCRIPT = findScript();

function mount(): Mounted {
  const g = globalThis as Marked;
  if (g[MARK] !== undefined) return g[MARK];
  const script = SCRIPT;
  const config = readEmbedConfig(script === null ? null : { src: script.src, dataset: { ...script.dataset } }, location.href, (c) =>
    CSS.supports("color", c),
  );
  const browserLangs = navigator.languages?.length ? navigator.languages : [navigator.language];
  const lang = pickLanguage(config.lang, browserLangs);
  const client = new ChatClient({
    origin: config.origin,
    storage: browserStorage(),
    locale: config.lang === "auto" ? (navigator.language ?? lang) : lang,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    page: () => ({ url: location.href.slice(0, 2000), title: document.title.slice(0, 500) }),
    connect: (origin, token) => connectNamespace(origin, "/visitor", token),
    newId: () => crypto.randomUUID(),
    site: config.site,
  });
  setAttachmentOrigin(config.origin);
  const openState = new OpenState();
  const host = document.createElement("div");
  host.id = "baton-widget";
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = STYLES;
  shadow.append(style);
  const container = document.createElement("div");
  shadow.append(container);
  document.body.append(host);
  render(<Widget client={client} config={{ ...config, greeting: greetingFor(config, lang) }} t={translator(lang)} openState={openState} onColor={textOn(config.color)} />, container);
  // A returning visitor: resume now, so replies and unsent messages arrive before they open the chat.
  if (client.returning) void client.start();
  const mounted = { client, openState };
  g[MARK] = mounted;
  window.dispatchEvent(new CustomEvent("baton:ready"));
  return mounted;
}

function whenReady(fn: () => void): void {
  if (document.body !== null) fn();
  else document.addEventListener("DOMContentLoaded", fn, { once: true });
}

whenReady(mount);

/** Opens the chat panel. */
export function open(): void {
  whenReady(() => mount().openState.set(true));
}

/** Closes the chat panel. */
export function close(): void {
  whenReady(() => mount().openState.set(false));
}

/**
 * Tells Baton who the visitor is. Give the proof your backend signs (`userHash`, or an
 * `identityToken` JWT) so their customer record reaches the agent; an e-mail alone is shown as unverified.
 *
 * @example
 * BatonWidget.identify({ email: "lena@example.de", userHash: "<hex HMAC-SHA256 of the e-mail>" });
 */
export function identify(visitor: VisitorIdentity): void {
  whenReady(() => mount().client.identify(visitor));
}

/**
 * The site's user logged out: revokes the widget's session and resume token on the server and
 * forgets them here, so the next person at this browser starts a conversation of their own.
 * (Identifying someone else with `identify()` signs the previous visitor out by itself.)
 *
 * @example
 * await BatonWidget.signOut();
 */
export function signOut(): Promise<void> {
  return new Promise((resolve) => whenReady(() => void mount().client.signOut().then(resolve)));
}
