/**
 * Hand-written cue phrases for "the agent asks for field X", per language, as regex sources over
 * folded text (lower case, no accents, straight apostrophes). A cue counts only inside a sentence
 * that is a question or a request (see REQUEST_MARKERS, QUESTION_STARTS), not preceded by a
 * GUARD ("send it to your email"), and not followed by a value ("your order number 123 shipped").
 */
import type { AskableField } from "./askable-field.js";

export type CueLang = "en" | "es" | "fr" | "de" | "pt";
export const CUE_LANGS: readonly CueLang[] = ["en", "es", "fr", "de", "pt"];

type Cues = Readonly<Partial<Record<CueLang, string>>>;

export const FIELD_CUES: Readonly<Record<AskableField, Cues>> = {
  name: {
    en: "your (?:full |first |last |sur)?name|who am i (?:speaking|talking|chatting) (?:with|to)|(?:what|which) name (?:is|was) the (?:booking|reservation|order|account)|under (?:what|which) name|what should i call you",
    es: "(?:su|tu) nombre(?: completo)?|como (?:se|te) llamas?|a nombre de quien",
    fr: "(?:votre|ton) nom(?: complet)?|comment vous appelez|a quel nom",
    de: "ihr(?:en)? (?:vor|nach)?namen?|wie heisst du|wie heissen sie|wie heißen sie",
    pt: "(?:o )?(?:seu|teu) nome(?: completo)?|como (?:se|te) chama",
  },
  email: {
    en: "e-?mail(?: address)?",
    es: "correo(?: electronico)?|e-?mail",
    fr: "(?:adresse )?e-?mail|courriel|adresse electronique",
    de: "e-?mail(?:-?adresse)?",
    pt: "(?:endereco de )?e-?mail",
  },
  phone: {
    en: "(?:tele)?phone(?: number)?|mobile(?: number)?|cell(?: ?phone| number)?|contact number|(?:best )?number (?:to|where|at which) (?:we|i) can (?:reach|call|contact) you|callback number",
    es: "(?:numero de )?(?:telefono|movil|celular)",
    fr: "(?:numero de )?(?:telephone|portable|mobile)",
    de: "telefon(?:nummer)?|handy(?:nummer)?|rufnummer|mobilnummer",
    pt: "(?:numero de )?(?:telefone|celular)|numero de contato",
  },
  order_number: {
    en: "order (?:number|no\\.?|num|#|id|reference|ref)|order ?#|(?:purchase|po) (?:order )?number|tracking (?:number|id|code)|which order|what order",
    es: "numero de (?:pedido|orden|seguimiento)|(?:cual|que) pedido",
    fr: "numero de (?:commande|suivi)|quelle commande",
    de: "bestellnummer|auftragsnummer|sendungsnummer|welche bestellung",
    pt: "numero (?:do|da) (?:pedido|encomenda|rastreamento)|qual pedido",
  },
  account_id: {
    en: "account (?:number|no\\.?|id|#)|customer (?:number|id|no\\.?)|client (?:number|id)|user ?name|user id|member(?:ship)? (?:number|id)|login(?: id| name)?",
    es: "numero de (?:cuenta|cliente|socio)|nombre de usuario|(?:id|identificador) de (?:usuario|cliente)",
    fr: "numero (?:de )?(?:compte|client)|identifiant",
    de: "kontonummer|kundennummer|benutzername|kunden-?id|mitgliedsnummer",
    pt: "numero (?:da|de) (?:conta|cliente)|nome de usuario",
  },
  booking_reference: {
    en: "(?:booking|reservation|confirmation|ticket|flight|reference|ref) (?:number|no\\.?|id|code|#|reference)|pnr|record locator",
    es: "(?:numero|codigo) de (?:reserva|reservacion|confirmacion|vuelo|billete)|localizador",
    fr: "(?:numero|code|reference) de (?:la )?(?:reservation|confirmation|vol|billet)",
    de: "buchungs(?:nummer|code)|reservierungsnummer|flugnummer|bestatigungsnummer",
    pt: "(?:numero|codigo) d[ae] (?:reserva|confirmacao|voo|bilhete)|localizador",
  },
  invoice_number: {
    en: "invoice(?: number| no\\.?| #| id)?|bill(?:ing)? number|receipt(?: number)?",
    es: "(?:numero de )?factura",
    fr: "(?:numero de )?facture",
    de: "rechnung(?:snummer)?|belegnummer",
    pt: "(?:numero da )?fatura|nota fiscal",
  },
  error_code: {
    en: "error (?:code|message|number|text)|(?:what|which|exact) error|the error (?:you|that|it)",
    es: "(?:codigo|mensaje) de error|(?:que|cual) error",
    fr: "(?:code|message) d'? ?erreur|quelle erreur",
    de: "fehler(?:code|meldung|nummer)|welche[nr]? fehler",
    pt: "(?:codigo|mensagem) de erro|qual (?:o )?erro",
  },
  address: {
    en: "(?:shipping|billing|delivery|postal|home|street|mailing|physical|residential) address|(?<!e-?mail )(?:your|the) address|zip(?: ?code)?|post ?code|postal code",
    es: "direccion(?! de correo| electronica)|codigo postal",
    fr: "(?<!e-?mail )adresse(?! e-?mail| electronique| mail)|code postal",
    de: "(?<!mail-?)adresse(?! e-?mail)|anschrift|postleitzahl|plz",
    pt: "endereco(?! de e-?mail| eletronico)|cep|codigo postal",
  },
  date_of_birth: {
    en: "date of birth|birth ?date|birthday|dob|d\\.o\\.b|when were you born",
    es: "fecha de nacimiento",
    fr: "date de naissance",
    de: "geburtsdatum",
    pt: "data de nascimento",
  },
  security_answer: {
    en: "pin(?: code| number)?|passcode|security (?:question|answer|code|word)|maiden name|pet'?s? name|name of (?:the |your )?(?:first |childhood )?pet|verification code|cvv|cvc|last (?:4|four) digits",
    es: "(?:codigo )?pin|pregunta de seguridad|codigo de verificacion",
    fr: "(?:code )?pin|question de securite|code de verification",
    de: "pin|sicherheitsfrage|bestatigungscode",
    pt: "(?:codigo )?pin|pergunta de seguranca|codigo de verificacao",
  },
  amount: {
    en: "how much|(?:the |what |which )?amount(?! of (?:tickets|people|seats|guests|passengers))|budget|how many (?:dollars|euros|pounds)",
    es: "cuanto (?:dinero|quiere|desea|pago|pagaste|pago)|importe|monto",
    fr: "combien(?! de (?:personnes|places|billets|invites|voyageurs))|montant",
    de: "wie ?viel(?!e)|betrag",
    pt: "quanto (?:dinheiro|quer|deseja|pagou)|valor|montante",
  },
  date: {
    en: "(?:what|which|on what|for what) (?:day|date)s?|(?:check-?in|check-?out|departure|return|arrival|travel|start|end|pick-?up|drop-?off|preferred|visit|appointment|reservation|booking|event) dates?|the dates?(?= of| for| when| you)|dates?(?=,? and time|\\?)|(?:time|hour),? and dates?|(?:^|and |or |, |me |us |know |sure,? )when|when(?= ?\\?)|(?:for|from|until|since|by) when|how soon",
    es: "(?:que|cual|en que|para que) (?:dia|fecha)|cuando",
    fr: "quel jour|quelle date|quand",
    de: "(?:an )?welche[nmr]? (?:tag|datum)|welches datum|wann",
    pt: "(?:que|qual|em que|para que) (?:dia|data)|quando",
  },
  time: {
    en: "(?:what|which|for what|at what) (?:time|hour)|(?:day|date),? and time|time,? and date|time of (?:the )?day|how (?:late|early)|time slot|(?:comfortable|convenient|preferred|specific) time|a good time (?:for|to)|(?:pick-?up|departure|arrival|preferred|convenient|appointment|reservation|booking|start|starting|end|ending|specific) time|the time (?:for|of|you|when)|timing",
    es: "(?:a |para )?(?:que|cual) hora|horario",
    fr: "(?:a |pour )?quelle heure|horaire",
    de: "um wie ?viel uhr|wie spat|uhrzeit|um welche zeit",
    pt: "(?:a |para )?que horas|qual (?:o )?horario",
  },
  location: {
    en: "where(?:abouts)? (?:are|do|would|will|should|is|to|from|did|does|can|exactly|and|you)|(?:from|to|leaving|going|heading) where|(?:which|what|in which|in what|a certain|preferred|particular|specific) (?:city|town|area|location|neighbou?rhood|country|place|part of town|state|metropolis)|(?:city|location|area) preference|(?<!(?:reach|get to|find|at|near) (?:your |the )?)destination|(?:departing|leaving|travell?ing) from|pick(?:ing)? (?:you )?up from|(?:departure|pick-?up|drop-?off|arrival) (?:location|city|point)|the (?:location|place|city) (?:where|you)|which (?:two )?places",
    es: "(?:a )?donde|(?:que|cual|en que) ciudad|destino",
    fr: "ou (?:etes|habitez|se trouve|voulez|souhaitez|allez|partez|vous)|d'ou|quelle ville",
    de: "wo (?:sind|wohnen|mochten|wollen|befinden)|wohin|woher|welche[nmr]? (?:stadt|ort)",
    pt: "(?:para )?onde|(?:qual|que|em que) cidade|destino",
  },
  party_size: {
    en: "how many (?:people|persons|guests|adults|children|kids|tickets?|(?:will|would|do|did) you|seats|travell?ers|passengers|riders|members|of you|attendees|participants|do you need|will (?:there )?be)|how many(?= ?(?:\\?|please|then|would you|do you))|for how many|party size|(?:number|amount) of (?:people|guests|seats|tickets|travell?ers|passengers|persons|riders)",
    es: "cuant[oa]s (?:personas|invitados|pasajeros|boletos|billetes|asientos|adultos)|para cuant[oa]s",
    fr: "combien de (?:personnes|places|billets|invites|voyageurs)|pour combien",
    de: "wie viele (?:personen|gaste|tickets|platze|leute|reisende)|fur wie viele",
    pt: "quant[oa]s (?:pessoas|convidados|passageiros|bilhetes|lugares|adultos)|para quant[oa]s",
  },
};

/** Phrases that make a sentence a request even without a question mark. */
export const REQUEST_MARKERS: Readonly<Record<CueLang, string>> = {
  en: "please|pls|kindly|let me know|(?:i|we)(?:'ll| will)? need|(?:may|can|could) (?:i|we) (?:have|get|ask)|^(?:tell|give|provide|enter|send|share|type|confirm|specify|spell|state|write|verify|input)",
  es: "por favor|necesito|necesitamos|(?:me|nos) (?:puede|podria|puedes|podrias) (?:dar|decir|indicar|facilitar|proporcionar|enviar|pasar|confirmar)|indique|indiquenos|indicame|digame|dime|proporcione|facilite|confirme",
  fr: "s'il vous plait|svp|veuillez|merci de|j'ai besoin|nous avons besoin|(?:pouvez|pourriez)-? ?vous|indiquez|donnez|communiquez|confirmez",
  de: "bitte|ich brauche|wir brauchen|(?:konnen|konnten|wurden) sie|geben sie|nennen sie|teilen sie|senden sie|schicken sie|bestatigen sie",
  pt: "por favor|preciso|precisamos|(?:pode|poderia|podes) (?:me |nos )?(?:informar|dar|dizer|enviar|passar|fornecer|confirmar)|informe|envie|forneca|me passe|me diga|confirme",
};

/** Sentence openings that make a sentence a question when it lacks "?". */
export const QUESTION_STARTS: Readonly<Record<CueLang, string>> = {
  en: "what|what's|which|where|where's|when|how|who|whom|could|can|may|would|will|do|does|did|is|are|have you|and what|and which|and where|and when",
  es: "que|cual|cuales|donde|cuando|como|cuanto|cuantos|cuantas|quien|puede|podria",
  fr: "quel|quelle|quels|quelles|ou|quand|comment|combien|pouvez|pourriez|avez|est-ce",
  de: "wie|wo|wann|welche|welcher|welches|welchen|was|haben|konnen|konnten",
  pt: "qual|quais|onde|quando|como|quanto|quantos|quantas|pode|poderia|tem",
};

/**
 * Text right before a noun cue (fields in GUARDED_FIELDS) that makes it a destination or a reference, not a request:
 * "send it to your email", "check your email", "our phone line", "did you get an email".
 */
export const GUARDS: Readonly<Record<CueLang, string>> = {
  en: "(?:\\b(?:to|at|via|by|from|on|onto|check|checking|checked|our|reach|near)\\s+(?:(?:your|the|this|that|my|an?)\\s+)?|\\b(?:get|got|receive|received|sent|send)\\s+(?:an?|the|our|this|that)\\s+(?:[\\p{L}-]+\\s+)?)$",
  es: "(?:\\b(?:a|al|por|en|revise|revisa|nuestro|nuestra)\\s+(?:(?:su|tu|el|la)\\s+)?)$",
  fr: "(?:\\b(?:a|par|sur|dans|verifiez|notre)\\s+(?:(?:votre|ton|le|la|l')\\s*)?)$",
  de: "(?:\\b(?:an|per|auf|in|prufen sie|unsere?)\\s+(?:(?:ihre?|ihren|die|das)\\s+)?)$",
  pt: "(?:\\b(?:para|por|no|na|verifique|nosso|nossa)\\s+(?:(?:o|a|seu|sua)\\s+)?)$",
};

/** Fields named by a noun ("your email") rather than a question word, so GUARDS apply to them. */
export const GUARDED_FIELDS: ReadonlySet<AskableField> = new Set<AskableField>([
  "name",
  "email",
  "phone",
  "order_number",
  "account_id",
  "booking_reference",
  "invoice_number",
  "error_code",
  "address",
]);
