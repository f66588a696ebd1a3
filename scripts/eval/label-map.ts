/**
 * The ONE place where dataset labels are mapped onto Baton's labels for `npm run eval:nlu`.
 * Every mapping says why. Rows whose label maps to `null` are left out of that metric (and counted
 * as skipped in the printed table). Nothing here is used by Baton at run time.
 */
import type { Topic } from "../../src/core/model.js";

/**
 * Explicit human request, HINT3 (train CSVs). Positive: the bots' "chat with an agent" intents.
 * Caveat kept on purpose: these intents also hold complaints ("You guys are fraud"), urgency ("This is
 * urgent") and "No"/"Didn't" answers to the bot's own "did that help?" question. Baton routes those
 * through its sentiment/keyword/confidence triggers, not the explicit-request trigger, so they count
 * as misses here and lower recall honestly. CALL_CENTER ("customer care number", "what time is your
 * call centre open") asks for a phone number, not for a human in this chat: negative.
 */
export const HINT3_HUMAN_POSITIVE: ReadonlySet<string> = new Set(["CHAT_WITH_AGENT", "CHAT_WITH_AN_AGENT"]);

/**
 * A secondary, stricter HINT3 view: positives whose text names a person to talk to. Shows how much of
 * the HINT3 gap is label semantics (complaints, "No") rather than missed phrasings.
 */
export const NAMES_A_PERSON = /\b(agent|human|person|someone|somebody|anyone|executive|representative|supervisor|operator)\b/i;

/**
 * Explicit human request, Bitext. Positive: `contact_human_agent`. Negative: every other intent,
 * including `contact_customer_service` (asks how/when to reach customer service, e.g. opening hours),
 * which Bitext itself keeps apart from asking for a human.
 */
export const BITEXT_HUMAN_POSITIVE: ReadonlySet<string> = new Set(["contact_human_agent"]);

/**
 * Bitext intent → Baton routing topic (Topic in src/core/model.ts). Mapped per intent, not per
 * category, because some categories mix topics (ORDER holds cancel_order).
 */
export const BITEXT_INTENT_TOPIC: Readonly<Record<string, Topic | null>> = {
  // ACCOUNT: sign-up, sign-in and profile questions → account.
  create_account: "account",
  delete_account: "account",
  edit_account: "account",
  recover_password: "account",
  registration_problems: "account",
  switch_account: "account",
  // NEWSLETTER: subscription to mails is a profile setting → account.
  newsletter_subscription: "account",
  // CANCELLATION_FEE and REFUND: Baton's "cancellation/refund" topic.
  check_cancellation_fee: "cancellation",
  cancel_order: "cancellation",
  check_refund_policy: "cancellation",
  get_refund: "cancellation",
  track_refund: "cancellation",
  // ORDER (except cancel_order), DELIVERY and SHIPPING_ADDRESS → orders/shipping.
  change_order: "orders",
  place_order: "presale", // buying something new is a sales conversation, not an existing order.
  delivery_options: "orders",
  delivery_period: "orders",
  track_order: "orders",
  change_shipping_address: "orders",
  set_up_shipping_address: "orders",
  // INVOICE and PAYMENT → billing.
  check_invoice: "billing",
  get_invoice: "billing",
  check_payment_methods: "billing",
  payment_issue: "billing",
  // CONTACT: asking for a human agent is Baton's "human" topic; how to reach customer service is too
  // (the visitor wants people, not the bot).
  contact_human_agent: "human",
  contact_customer_service: "human",
  // FEEDBACK (complaint, review) has no routing topic of its own: left out of topic accuracy.
  complaint: null,
  review: null,
};

/**
 * Language ID: dataset language code → the code Baton (eld) should return. xSID dialects have no
 * ISO 639-1 code of their own; they are scored as their standard language (German dialects as "de",
 * Neapolitan as "it", Swiss German as "de"). Norwegian: eld says "nb"/"no" for Bokmål; "nn" too.
 */
export const LANGUAGE_CODE: Readonly<Record<string, readonly string[]>> = {
  "de-ba": ["de"],
  "de-muc": ["de"],
  "de-st": ["de"],
  gsw: ["de"],
  nap: ["it"],
  no: ["no", "nb", "nn"],
  nb: ["no", "nb"],
  nn: ["nn", "no", "nb"],
};

/** Languages Baton supports with a bot model; the language-ID target is reported on these. */
export const SUPPORTED_LANGUAGES: readonly string[] = ["en", "es", "fr", "de", "pt"];

/** Twitter airline sentiment: "negative" is the positive class of the negative-sentiment F1. */
export const TWEET_NEGATIVE = "negative";

/**
 * Field extraction: dataset entity/slot type → Baton entity field. Types Baton's rules do not extract
 * (names, cities, account types, SSNs, card numbers, addresses...) map to null and are not scored.
 */
export const BITEXT_ENTITY_FIELD: Readonly<Record<string, string | null>> = {
  order_id: "order_number",
  invoice_id: "invoice_number",
  refund_amount: "amount",
  person_name: null,
  account_type: null, // "Gold", "Premium": plan names, not identifiers.
  delivery_city: null,
  delivery_country: null,
};

export const MULTIDOGO_SLOT_FIELD: Readonly<Record<string, string | null>> = {
  email_address: "email",
  phonenumber: "phone",
  phone_number: "phone",
  account_number: "account_id",
  order_number: "order_number",
  // Money slots: Baton's amount rule needs a currency sign or word, as chat amounts usually have.
  cost: "amount",
  charge_amount: "amount",
  transferamount: "amount",
};

/**
 * Bitext intent → intent of config/bot-corpus.yaml, for TRAINING the shipped intent model
 * (`npm run train:nlu`, train split only). Same topics as BITEXT_INTENT_TOPIC. complaint and review
 * have no bot intent (left out: complaints are the frustration model's job).
 */
export const BITEXT_INTENT_CORPUS: Readonly<Record<string, string | null>> = {
  create_account: "account.manage",
  delete_account: "account.manage",
  edit_account: "account.manage",
  switch_account: "account.manage",
  newsletter_subscription: "account.manage",
  recover_password: "account.access",
  registration_problems: "account.access",
  check_cancellation_fee: "cancellation.cancel",
  cancel_order: "cancellation.cancel",
  check_refund_policy: "cancellation.refund",
  get_refund: "cancellation.refund",
  track_refund: "cancellation.refund",
  change_order: "orders.change",
  change_shipping_address: "orders.change",
  set_up_shipping_address: "orders.change",
  place_order: "presale.buy",
  delivery_options: "orders.shipping",
  delivery_period: "orders.shipping",
  track_order: "orders.status",
  check_invoice: "billing.invoice",
  get_invoice: "billing.invoice",
  check_payment_methods: "billing.payment_methods",
  payment_issue: "billing.charge",
  contact_human_agent: "human.request",
  contact_customer_service: "human.contact",
  complaint: null,
  review: null,
};

/** CLINC150 domains that are support-relevant for a shop/SaaS bot: neither trained as "none" nor scored as out-of-scope. */
export const CLINC_SUPPORT_DOMAINS: ReadonlySet<string> = new Set(["banking", "credit_cards"]);

/**
 * CLINC150 intents that ARE bot intents: greetings, and "order_status" ("track my package please",
 * in CLINC's home domain, is a shop's order-status question). Trained as such, not scored as
 * out-of-scope.
 */
export const CLINC_INTENT_CORPUS: Readonly<Record<string, string>> = {
  greeting: "greeting.hello",
  thank_you: "greeting.thanks",
  goodbye: "greeting.thanks",
  order_status: "orders.status",
};

/** The same CLINC150 intents as questions of the question model (Bitext's intents); the rest are "none". */
export const CLINC_INTENT_QUESTION: Readonly<Record<string, string>> = {
  order_status: "track_order",
};

/**
 * Frustration ("wants or needs a human now"), positive class. Bitext `complaint` and
 * `contact_human_agent`; HINT3 agent rows (complaints, urgency, "not working" money issues, failed
 * self-service answers). Negatives: every other ordinary request (see FRUSTRATION_EXCLUDED).
 */
export const BITEXT_FRUSTRATION_POSITIVE: ReadonlySet<string> = new Set(["complaint", "contact_human_agent"]);

/**
 * Rows left out of the frustration model's negatives (and of the false-trigger rate): asking how
 * to reach customer service, cancellations and refunds (the keyword trigger's job by design), and
 * HINT3's out-of-scope label.
 */
export const BITEXT_ORDINARY_EXCLUDED: ReadonlySet<string> = new Set([
  "contact_human_agent",
  "contact_customer_service",
  "complaint",
  "cancel_order",
  "check_cancellation_fee",
  "get_refund",
  "track_refund",
  "check_refund_policy",
]);
export const HINT3_ORDINARY_EXCLUDED: ReadonlySet<string> = new Set(["CHAT_WITH_AGENT", "CHAT_WITH_AN_AGENT", "CANCEL_ORDER", "NO_NODES_DETECTED"]);
