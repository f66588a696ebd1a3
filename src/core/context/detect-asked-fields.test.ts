import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASKABLE_FIELDS } from "./askable-field.js";
import { detectAskedFields } from "./detect-asked-fields.js";

const ASKS: readonly [string, string, readonly string[]][] = [
  ["en", "What's your order number?", ["order_number"]],
  ["en", "Could you give me your order number and e-mail?", ["email", "order_number"]],
  ["en", "Can I have the email address on the account, please?", ["email"]],
  ["en", "What is the best phone number to reach you?", ["phone"]],
  ["en", "Please provide your account number.", ["account_id"]],
  ["en", "Could I get your name, please?", ["name"]],
  ["en", "Who am I speaking with today?", ["name"]],
  ["en", "Right, and your PIN as well please.", ["security_answer"]],
  ["en", "What was your mother's maiden name?", ["security_answer"]],
  ["en", "Could you provide your date of birth, please?", ["date_of_birth"]],
  ["en", "What's the shipping address and zip code?", ["address"]],
  ["en", "Which invoice is this about?", ["invoice_number"]],
  ["en", "What error message do you see on screen?", ["error_code"]],
  ["en", "Could you provide your booking ID, please?", ["booking_reference"]],
  ["en", "How much would you like to transfer?", ["amount"]],
  ["en", "For how many people should the reservation be made?", ["party_size"]],
  ["en", "At what time can you be at the clinic?", ["time"]],
  ["en", "On what day do you want the plane to arrive?", ["date"]],
  ["en", "Where are you departing from?", ["location"]],
  ["en", "Let me know your order id and I'll check.", ["order_number"]],
  ["en", "On which date would you like to travel?", ["date"]],
  ["en", "At what location?", ["location"]],
  ["en", "What time and date would you like the appointment for?", ["date", "time"]],
  ["es", "¿Cuál es su número de pedido?", ["order_number"]],
  ["es", "¿Me puede dar su correo electrónico?", ["email"]],
  ["es", "Por favor, indíqueme su nombre completo.", ["name"]],
  ["fr", "Quelle est votre adresse e-mail ?", ["email"]],
  ["fr", "Pourriez-vous me donner votre numéro de commande ?", ["order_number"]],
  ["de", "Wie lautet Ihre Bestellnummer?", ["order_number"]],
  ["de", "Bitte nennen Sie mir Ihre Telefonnummer.", ["phone"]],
  ["pt", "Qual é o seu número de telefone?", ["phone"]],
  ["pt", "Pode me informar o número do pedido?", ["order_number"]],
];

const STATES: readonly [string, string][] = [
  ["en", "Your order number 12345 shipped today."],
  ["en", "Thanks, your order number is A-12345 and it is on its way."],
  ["en", "We'll send the receipt to your email address."],
  ["en", "Shall I send it to your email?"],
  ["en", "Please check your email for the confirmation."],
  ["en", "Is your email ana@example.com?"],
  ["en", "I have updated your account."],
  ["en", "Your invoice has been sent."],
  ["en", "You can call our phone line any time."],
  ["en", "Is there anything else I can help you with?"],
  ["en", "Have a good time!"],
  ["en", "Do you know how to reach your destination?"],
  ["en", "You should receive a confirmation email shortly, if you do not please let me know."],
  ["es", "Su número de pedido 12345 ya fue enviado."],
  ["fr", "Nous avons envoyé la facture à votre adresse e-mail."],
  ["de", "Ihre Bestellnummer 12345 wurde versandt."],
];

describe("detectAskedFields", () => {
  it.each(ASKS)("[%s] asks: %s", (lang, text, fields) => {
    expect(detectAskedFields(text)).toEqual(fields);
    expect(detectAskedFields(text, lang)).toEqual(fields);
  });

  it.each(STATES)("[%s] states, does not ask: %s", (lang, text) => {
    expect(detectAskedFields(text)).toEqual([]);
    expect(detectAskedFields(text, lang)).toEqual([]);
  });

  it("only counts the question sentence of a mixed message", () => {
    expect(detectAskedFields("Your order number 12345 shipped. What's your email so I can send the tracking link?")).toEqual(["email"]);
  });

  it("an unknown language hint uses every language", () => {
    expect(detectAskedFields("¿Cuál es su número de pedido?", "it")).toEqual(["order_number"]);
    expect(detectAskedFields("¿Cuál es su número de pedido?", "en")).toEqual([]);
  });

  it("never throws and returns known fields, each once, for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.option(fc.string({ maxLength: 5 }), { nil: undefined }), (text, lang) => {
        const got = detectAskedFields(text, lang);
        expect(new Set(got).size).toBe(got.length);
        for (const f of got) expect(ASKABLE_FIELDS).toContain(f);
      }),
    );
  });
});
