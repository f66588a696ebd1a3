import { describe, expect, it } from "vitest";
import { detectTrigger } from "./detect-trigger.js";
import { turn } from "./test-fixtures.js";
import { keywordsFor } from "./trigger-checks.js";
import { DEFAULT_TRIGGER_CONFIG as cfg, type TriggerConfig } from "./trigger-config.js";

const detect = (turns: ReturnType<typeof turn>[], c: TriggerConfig = cfg, botAnsweredIds?: string[]) =>
  detectTrigger(botAnsweredIds ? { turns, customer: null, botAnsweredIds } : { turns, customer: null }, c);

describe("keyword", () => {
  it("matches whole words, any case, any accents", () => {
    expect(detect([turn(1, "I want to CANCEL my plan")])?.reason).toBe('visitor wrote "cancel"');
    expect(detect([turn(1, "Mon écran est CASSE", { language: "fr" })])?.kind).toBe("keyword");
    expect(detect([turn(1, "Ich will KÜNDIGEN", { language: "de" })])?.kind).toBe("keyword");
    expect(detect([turn(1, "Ich will kundigen", { language: "de" })])?.kind).toBe("keyword");
  });
  it("a configured exception in the same message says the keyword is not about the customer relationship", () => {
    expect(detect([turn(1, "help me cancel my newsletter subscription")])).toBeNull();
    expect(detect([turn(1, "quiero cancelar el boletín", { language: "es" })])).toBeNull();
    expect(detect([turn(1, "cancel my plan and the newsletter")], { ...cfg, keywordExceptions: { en: [] } })?.kind).toBe("keyword");
    expect(detect([turn(1, "cancel my mailing list emails")], { ...cfg, keywordExceptions: { en: ["mailing list"] } })).toBeNull();
    expect(detect([turn(1, "I want to cancel my plan")], { ...cfg, keywordExceptions: {} })?.kind).toBe("keyword");
  });
  it("does not match inside other words", () => {
    expect(detect([turn(1, "the order was cancelled yesterday, thanks")])).toBeNull();
    expect(detect([turn(1, "my refunded amount looks right")])).toBeNull();
  });
  it("uses the list of the message's language, not another's", () => {
    expect(detect([turn(1, "quiero cancelar", { language: "es" })])?.kind).toBe("keyword");
    expect(detect([turn(1, "quiero cancelar", { language: "en" })])).toBeNull();
    expect(detect([turn(1, "this is a chargeback", { language: "es" })])).toBeNull();
  });
  it("falls back to default for languages without a list, including prototype names", () => {
    expect(keywordsFor("it", cfg)).toEqual(cfg.keywords.default);
    expect(keywordsFor("constructor", cfg)).toEqual(cfg.keywords.default);
    expect(detect([turn(1, "refund subito", { language: "it" })])?.kind).toBe("keyword");
  });
  it("matches multi-word keywords as a phrase", () => {
    const c: TriggerConfig = { ...cfg, keywords: { default: [], en: ["data breach"] } };
    expect(detect([turn(1, "I think there was a Data Breach!")], c)?.kind).toBe("keyword");
    expect(detect([turn(1, "the data was fine, no breach")], c)).toBeNull();
  });
});

describe("negative_sentiment", () => {
  const s = (score: number, label: "negative" | "neutral" | "positive") => ({ sentiment: { score, label } });
  it("fires at or below the threshold with the score as evidence", () => {
    const got = detect([turn(1, "this is terrible service", s(-0.5, "negative"))]);
    expect(got?.kind).toBe("negative_sentiment");
    expect(got?.evidence.scores).toEqual({ sentiment: -0.5 });
  });
  it("does not fire above the threshold, even when the label is negative", () => {
    expect(detect([turn(1, "a bit slow today", s(-0.3, "negative"))])).toBeNull();
  });
  it("ignores a non-finite score", () => {
    expect(detect([turn(1, "hmm", s(Number.NaN, "negative"))])).toBeNull();
  });
});

describe("negative_sentiment from the frustration model", () => {
  const f = (frustration: number, score = 0) => ({ frustration, sentiment: { score, label: "neutral" as const } });
  it("fires at or above the threshold, with the score as evidence, whatever the sentiment", () => {
    const got = detect([turn(1, "suddenly my balance is gone", f(0.9, 0.2))]);
    expect(got?.kind).toBe("negative_sentiment");
    expect(got?.evidence.scores).toEqual({ frustration: 0.9, sentiment: 0.2 });
  });
  it("a plain problem report with a very negative sentiment does not fire", () => {
    expect(detect([turn(1, "report a sign-up problem", f(0.01, -0.72))])).toBeNull();
  });
  it("without a frustration score (NaN or absent) the sentiment score decides", () => {
    expect(detect([turn(1, "awful awful", f(Number.NaN, -0.9))])?.kind).toBe("negative_sentiment");
    expect(detect([turn(1, "fine thanks", f(Number.NaN, 0.1))])).toBeNull();
  });
});

describe("repeated_question", () => {
  it("fires when the new message repeats an earlier one, ignoring case, punctuation and stop-words", () => {
    const got = detect([turn(1, "How do I reset my password?"), turn(2, "ok"), turn(3, "how do i RESET the password??")]);
    expect(got?.kind).toBe("repeated_question");
    expect(got?.evidence.messageIds).toEqual(["m1", "m3"]);
    expect(got?.evidence.scores.similarity).toBe(1);
  });
  it("does not fire for different questions or trivially short repeats", () => {
    expect(detect([turn(1, "How do I reset my password?"), turn(2, "How do I change my email address?")])).toBeNull();
    expect(detect([turn(1, "yes please"), turn(2, "yes please")])).toBeNull();
    expect(detect([turn(1, "ok ok ok"), turn(2, "ok ok ok")])).toBeNull();
  });
  it("catches a reworded repeat by meaning: synonyms, contractions, filler words", () => {
    const other = { intent: "other_intent" };
    expect(detect([turn(1, "Where is my order?"), turn(2, "where's my package?", other)])?.evidence.scores.similarity).toBe(1);
    expect(detect([turn(1, "Where is my order?"), turn(2, "where's my invoice?", other)])).toBeNull();
    expect(detect([turn(1, "How do I export my data to CSV?"), turn(2, "how can I export my data as a CSV file?", other)])?.kind).toBe("repeated_question");
  });
  it("same intent and fields need only a lower score; another field value is another question", () => {
    const order = (v: string) => ({ entities: [{ field: "order_number", value: v, start: 0, end: 1 }] });
    const a = turn(1, "when will the shoes I bought arrive", order("A1"));
    expect(detect([a, turn(2, "my shoes still are not here", order("A1"))])?.kind).toBe("repeated_question");
    expect(detect([a, turn(2, "my shoes still are not here", order("B2"))])).toBeNull();
    expect(detect([a, turn(2, "my shoes still are not here", { ...order("A1"), intent: "other_intent" })])).toBeNull();
    expect(detect([a, turn(2, "my shoes still are not here", { ...order("A1"), confidence: 0.3 })])).toBeNull();
  });
  it("the same question read by the question model, with the same fields, needs no word in common", () => {
    const q = (id: string, confidence = 0.9) => ({ question: { id, confidence } });
    const a = turn(1, "how do I close my account?", q("delete_account"));
    expect(detect([a, turn(2, "please remove everything of mine", q("delete_account"))])?.kind).toBe("repeated_question");
    // Same corpus intent (account.manage in real readings), another question: no repeat.
    expect(detect([a, turn(2, "please remove everything of mine", q("create_account"))])).toBeNull();
    expect(detect([a, turn(2, "please remove everything of mine", q("delete_account", 0.4))])).toBeNull();
    const withOrder = { ...q("delete_account"), entities: [{ field: "order_number", value: "1", start: 0, end: 1 }] };
    expect(detect([a, turn(2, "please remove everything of mine", withOrder)])).toBeNull();
  });
  it("respects the configured similarity", () => {
    const turns = [turn(1, "refund for order twelve please"), turn(2, "refund for order thirteen please", { intent: "other_intent" })];
    const loose: TriggerConfig = { ...cfg, keywords: { default: [] }, repeatSimilarity: 0.5 };
    expect(detect(turns, { ...loose, repeatSimilarity: 0.9 })).toBeNull();
    expect(detect(turns, loose)?.kind).toBe("repeated_question");
  });
  it("with botAnsweredIds, a double-send before any reply is not a repeat", () => {
    const turns = [turn(1, "where is my parcel now"), turn(2, "where is my parcel now")];
    expect(detect(turns, cfg, [])).toBeNull();
    expect(detect(turns, cfg, ["m1"])?.kind).toBe("repeated_question");
  });
});

describe("confidence_drop", () => {
  const lo = (n: number, c = 0.3) => turn(n, `question number ${n} about stuff`, { confidence: c, intent: "none" });
  const hi = (n: number) => turn(n, `question number ${n} about stuff`, { confidence: 0.9 });

  it("one low turn does not fire, two consecutive do", () => {
    expect(detect([hi(1), lo(2)])).toBeNull();
    const got = detect([hi(1), lo(2, 0.4), lo(3, 0.2)]);
    expect(got?.kind).toBe("confidence_drop");
    expect(got?.at).toBe(3000);
    expect(got?.evidence).toEqual({ messageIds: ["m2", "m3"], scores: { m2: 0.4, m3: 0.2 } });
  });
  it("a high turn in between resets the count", () => {
    expect(detect([lo(1), hi(2), lo(3)])).toBeNull();
    expect(detect([lo(1), lo(2), hi(3)])).toBeNull();
  });
  it("the threshold is strict: exactly at it is not low", () => {
    expect(detect([lo(1, 0.65), lo(2, 0.65)])).toBeNull();
    expect(detect([lo(1, 0.649), lo(2, 0.649)])?.kind).toBe("confidence_drop");
  });
  it("follows lowConfidenceTurns", () => {
    const three: TriggerConfig = { ...cfg, lowConfidenceTurns: 3 };
    expect(detect([lo(1), lo(2)], three)).toBeNull();
    expect(detect([lo(1), lo(2), lo(3)], three)?.evidence.messageIds).toEqual(["m1", "m2", "m3"]);
    expect(detect([lo(1)], { ...cfg, lowConfidenceTurns: 1 })?.kind).toBe("confidence_drop");
  });
});
