import { createNlu } from "../src/adapters/nlu/index.js";
const nlu = await createNlu({ eldSize: "extrasmall" });
for (const t of ["Quiero hablar con una persona, por favor", "quiero hablar con un agente", "Je voudrais parler à un conseiller", "Ich möchte mit einem Menschen sprechen", "Quero falar com um atendente", "I want to talk to a human about my invoice", "Quiero hablar con alguien sobre mi factura", "can I talk to a person please?", "A-77881", "12345", "INV-2041", "my email is sam@example.com"]) {
  const r = await nlu.analyze(t);
  console.log(JSON.stringify(t), "→", r.intent, r.confidence.toFixed(2), r.topic, r.explicitHumanRequest.requested, r.alternatives.slice(0,2).map(a=>a.intent+":"+a.confidence.toFixed(2)).join(","), r.entities.map(e=>e.field).join(","));
}
