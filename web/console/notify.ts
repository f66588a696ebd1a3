/** The optional "new chat" alert: a short tone and, when the browser allows, a desktop notification. */

const KEY = "baton.console.alerts";

/** Whether the agent turned alerts on (remembered in this browser). */
export function alertsEnabled(): boolean {
  try {
    return localStorage.getItem(KEY) === "on";
  } catch {
    return false;
  }
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
