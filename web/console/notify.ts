/**
 * The "new chat" alert: a short tone and, when the browser allows, a desktop notification. On by
 * default (an agent who misses a chat breaks its SLA); the console asks for the browser's
 * permission with a clear prompt, and the agent can turn alerts off.
 */

const KEY = "baton.console.alerts";

/** Whether alerts are on: yes unless the agent turned them off (remembered in this browser). */
export function alertsEnabled(): boolean {
  try {
    return localStorage.getItem(KEY) !== "off";
  } catch {
    return true;
  }
}

/** Whether to show the permission prompt: alerts on, the browser has not been asked, not dismissed. */
export function shouldAskPermission(): boolean {
  try {
    return alertsEnabled() && typeof Notification !== "undefined" && Notification.permission === "default" && sessionStorage.getItem(`${KEY}.asked`) === null;
  } catch {
    return false;
  }
}

/** The agent answered the prompt: "allow" asks the browser (from their click), "later" hides it for this session. */
export async function answerPermission(allow: boolean): Promise<NotificationPermission | "unsupported"> {
  try {
    sessionStorage.setItem(`${KEY}.asked`, "1");
  } catch {
    // no storage: the prompt may come back on reload
  }
  if (typeof Notification === "undefined") return "unsupported";
  return allow ? Notification.requestPermission() : Notification.permission;
}

/** Turns alerts on or off; turning them on asks for notification permission once. */
export function setAlertsEnabled(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? "on" : "off");
  } catch {
    // no storage: the choice lasts for this page
  }
  if (on && typeof Notification !== "undefined" && Notification.permission === "default") {
    void Notification.requestPermission().catch(() => undefined);
  }
}

let audio: AudioContext | null = null;

function tone(): void {
  const Ctx = window.AudioContext;
  if (Ctx === undefined) return;
  audio ??= new Ctx();
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.frequency.value = 880;
  gain.gain.setValueAtTime(0.0001, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.35);
  osc.connect(gain).connect(audio.destination);
  osc.start();
  osc.stop(audio.currentTime + 0.4);
}

/** Plays the alert for a chat that just arrived, if alerts are on. Never throws. */
export function alertNewChat(title: string, body: string): void {
  if (!alertsEnabled()) return;
  try {
    tone();
    if (typeof Notification !== "undefined" && Notification.permission === "granted" && document.hidden) {
      new Notification(title, { body, tag: "baton-chat" });
    }
  } catch {
    // audio or notifications blocked: the chat list still shows it
  }
}
