import { createNlu } from "../src/adapters/nlu/index.js";
const nlu = await createNlu({ eldSize: "extrasmall" });
for (const t of ["where is my order", "A-12345", "I was charged twice for my order A-12345", "Hi", "I was charged twice", "my card was charged two times", "double charge on my credit card"]) {
  const r = await nlu.analyze(t);
  console.log(t, "→", r.intent, r.confidence.toFixed(2), JSON.stringify(r.entities));
}
