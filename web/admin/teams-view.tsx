import type { WeeklyInterval } from "../../src/core/model.js";
import type { AdminConfig } from "./types.js";
import { useApi } from "./use-api.js";
import { ErrorNote } from "../shared/error-note.js";

const DAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Opening hours in words: "Mon–Fri 08:00–12:00", one line per window, consecutive days folded. */
export function describeWeek(weekly: readonly WeeklyInterval[]): string[] {
  const byWindow = new Map<string, number[]>();
  for (const w of weekly) {
    const key = `${w.start}–${w.end}`;
    byWindow.set(key, [...(byWindow.get(key) ?? []), w.day]);
  }
  return [...byWindow].map(([window, days]) => {
    const sorted = [...new Set(days)].sort((a, b) => a - b);
    const runs: string[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
      const a = DAYS[sorted[i] ?? 0];
      const b = DAYS[sorted[j] ?? 0];
      runs.push(i === j ? `${a}` : j === i + 1 ? `${a}, ${b}` : `${a}–${b}`);
      i = j + 1;
    }
    return `${runs.join(", ")} ${window}`;
  });
}

/** Teams with their skills, time zone, weekly hours and holidays. */
export function TeamsView({ token }: { readonly token: string }) {
  const config = useApi<AdminConfig>("/api/admin/config", token);
  return (
    <section class="card" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams and business hours</h2>
      <ErrorNote message={config.error} />
      {config.data && (
        <table class="data" aria-label="Teams">
          <thead>
            <tr>
              <th>Team</th>
              <th>Skills</th>
              <th>Time zone</th>
              <th>Hours</th>
              <th>Holidays</th>
            </tr>
          </thead>
          <tbody>
            {config.data.teams.map((t) => (
              <tr key={t.id}>
                <td>
                  <b>{t.name}</b>
                  <br />
                  <code>{t.id}</code>
                </td>
                <td>{t.skills.join(", ")}</td>
                <td>{t.calendar.timeZone}</td>
                <td>
                  <ul class="hours">
                    {describeWeek(t.calendar.weekly).map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ul>
                </td>
                <td>{t.calendar.holidays.length === 0 ? "–" : t.calendar.holidays.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
