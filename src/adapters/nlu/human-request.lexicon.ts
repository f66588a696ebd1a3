/**
 * Word lists for explicit human requests, per supported language, in folded form (lower case, no
 * accents). The detector uses the union of all languages so mixed-language messages still match.
 * Multi-word entries are token sequences.
 */
export interface HumanLexicon {
  /** Name a human on their own: "agent", "human". A short message with one of these is a request. */
  readonly strongNouns: readonly string[];
  /** Name a human only together with a contact verb: "someone", "person". */
  readonly weakNouns: readonly string[];
  /** Contact verbs, matched as word prefixes (at least 4 letters) or whole words. */
  readonly verbPrefixes: readonly string[];
  /** Want / need words: "want", "need", "quiero". Together with a strong noun they make a request. */
  readonly wants: readonly string[];
  /** Token sequences that, before the human noun in the same clause, cancel the request. */
  readonly negations: readonly (readonly string[])[];
  /** Clause openers that ask about the bot instead of asking for a human: "are you (a human)?". */
  readonly identityQuestions: readonly (readonly string[])[];
  /** Words that end a clause, like "but". */
  readonly clauseBreaks: readonly string[];
}

export const HUMAN_LEXICON: Readonly<Record<string, HumanLexicon>> = {
  en: {
    strongNouns: ["agent", "agents", "human", "humans", "representative", "representatives", "rep", "operator", "operators"],
    weakNouns: [
      "person", "people", "someone", "somebody", "anyone", "anybody", "staff", "employee", "supervisor", "manager",
      "assistant", "associate", "advisor", "adviser", "executive", "specialist", "consultant", "man", "woman",
    ],
    verbPrefixes: ["talk", "speak", "spoke", "chat", "connect", "contact", "transfer", "reach", "escalat", "forward", "put"],
    wants: ["want", "wanna", "need", "needs", "require", "give", "get", "prefer", "please", "pls", "plz", "call"],
    negations: [
      ["don't", "want"], ["dont", "want"], ["do", "not", "want"], ["didn't", "want"], ["don't", "need"], ["dont", "need"],
      ["do", "not", "need"], ["no", "need"], ["not", "necessary"], ["needn't"], ["no", "agent"], ["no", "human"],
      ["without"], ["rather", "not"], ["never", "mind"], ["nevermind"], ["don't", "transfer"], ["dont", "transfer"],
      ["don't", "connect"], ["dont", "connect"], ["not", "looking", "for"], ["won't", "need"], ["no", "thanks"],
    ],
    identityQuestions: [["are", "you"], ["r", "u"], ["is", "this"], ["am", "i", "talking"], ["am", "i", "chatting"], ["am", "i", "speaking"]],
    clauseBreaks: ["but", "though", "however"],
  },
  es: {
    strongNouns: ["agente", "agentes", "humano", "humana", "representante", "operador", "operadora", "asesor", "asesora"],
    weakNouns: ["persona", "personas", "alguien", "empleado", "supervisor", "encargado", "ejecutivo", "especialista"],
    verbPrefixes: ["habl", "comunic", "pasame", "paseme", "pasa", "contact", "conect", "chate", "transfi", "transfer"],
    wants: ["quiero", "necesito", "quisiera", "deseo", "dame", "porfa", "favor"],
    negations: [["no", "quiero"], ["no", "necesito"], ["no", "hace", "falta"], ["sin"], ["no", "es", "necesario"], ["no", "hay", "necesidad"], ["no", "me", "pases"]],
    identityQuestions: [["eres"], ["es", "usted"], ["estoy", "hablando"]],
    clauseBreaks: ["pero", "aunque", "sino"],
  },
  fr: {
    strongNouns: ["agent", "humain", "humaine", "representant", "operateur", "operatrice", "conseiller", "conseillere"],
    weakNouns: ["personne", "quelqu'un", "quelquun", "employe", "responsable", "superviseur", "technicien"],
    verbPrefixes: ["parl", "discut", "contact", "joindre", "passez", "passer", "mettez", "mettre", "transf", "relation", "chatter"],
    wants: ["veux", "voudrais", "souhaite", "besoin", "svp", "plait"],
    negations: [["ne", "veux", "pas"], ["veux", "pas"], ["pas", "besoin"], ["inutile"], ["sans"], ["pas", "la", "peine"], ["pas", "necessaire"]],
    identityQuestions: [["es", "tu"], ["etes", "vous"], ["est", "ce", "un"]],
    clauseBreaks: ["mais", "pourtant"],
  },
  de: {
    strongNouns: ["mensch", "menschen", "mitarbeiter", "mitarbeiterin", "berater", "beraterin", "agent", "kundenberater", "servicemitarbeiter", "sachbearbeiter"],
    weakNouns: ["person", "jemand", "jemandem", "jemanden", "vorgesetzten", "ansprechpartner", "supervisor"],
    verbPrefixes: ["sprech", "sprich", "rede", "verbind", "chatt", "kontakt", "erreich", "weiterleit", "durchstell"],
    wants: ["mochte", "brauche", "bitte", "hatte"],
    negations: [["kein"], ["keine"], ["keinen"], ["keinem"], ["nicht", "notig"], ["will", "nicht"], ["mochte", "nicht"], ["ohne"], ["brauche", "nicht"]],
    identityQuestions: [["bist", "du"], ["sind", "sie"]],
    clauseBreaks: ["aber", "sondern", "jedoch"],
  },
  pt: {
    strongNouns: ["atendente", "atendentes", "humano", "humana", "agente", "representante", "operador", "operadora", "consultor"],
    weakNouns: ["pessoa", "pessoas", "alguem", "funcionario", "supervisor", "gerente", "especialista"],
    verbPrefixes: ["fala", "falar", "convers", "contat", "contact", "transfer", "passa", "chamar", "ligar"],
    wants: ["quero", "preciso", "queria", "gostaria", "favor"],
    negations: [["nao", "quero"], ["nao", "preciso"], ["sem"], ["nao", "precisa"], ["nao", "e", "necessario"]],
    identityQuestions: [["voce", "e"], ["e", "um", "robo"], ["estou", "falando"]],
    clauseBreaks: ["mas", "porem"],
  },
  it: {
    strongNouns: ["operatore", "operatrice", "operatori", "umano", "umana", "agente", "consulente", "rappresentante"],
    weakNouns: ["persona", "qualcuno", "addetto", "addetta", "responsabile", "impiegato", "tecnico"],
    verbPrefixes: ["parlar", "parla", "contatt", "passami", "mettimi", "collega", "chattare", "trasferi"],
    wants: ["voglio", "vorrei", "bisogno", "serve", "favore", "desidero"],
    negations: [["non", "voglio"], ["non", "serve"], ["non", "ho", "bisogno"], ["senza"], ["non", "e", "necessario"]],
    identityQuestions: [["sei", "un"], ["sei", "una"], ["sto", "parlando"]],
    clauseBreaks: ["ma", "pero"],
  },
  nl: {
    strongNouns: ["medewerker", "medewerkers", "mens", "agent", "operator", "vertegenwoordiger", "klantenservicemedewerker", "adviseur"],
    weakNouns: ["persoon", "iemand", "collega", "leidinggevende"],
    verbPrefixes: ["praten", "praat", "spreken", "spreek", "chatten", "verbind", "doorverbind", "doorverbonden", "contact"],
    wants: ["wil", "wens", "graag", "alstublieft", "aub", "nodig"],
    negations: [["wil", "geen"], ["geen"], ["niet", "nodig"], ["zonder"], ["hoeft", "niet"]],
    identityQuestions: [["ben", "jij"], ["ben", "je"], ["bent", "u"]],
    clauseBreaks: ["maar"],
  },
};

/**
 * Phrases for languages written without spaces between words (ja, zh) or with attached particles
 * (ar), matched as substrings of the folded message. A negation phrase anywhere in the message
 * cancels the request. More languages, or more phrases, go in config/bot-corpus.yaml under
 * `humanRequest.phrases` / `humanRequest.negations` (added to these).
 */
export interface HumanPhrases {
  readonly phrases: readonly string[];
  readonly negations: readonly string[];
}

export const HUMAN_PHRASES: Readonly<Record<string, HumanPhrases>> = {
  ja: {
    phrases: ["担当者", "オペレーター", "オペレータ", "人間と話", "人と話", "スタッフと話", "有人対応", "有人チャット", "窓口につないで", "係の人", "サポートの人", "カスタマーサポートと話"],
    negations: ["不要", "いらない", "いりません", "要りません", "必要ない", "必要ありません", "結構です"],
  },
  zh: {
    phrases: ["人工客服", "人工服务", "转人工", "轉人工", "人工坐席", "真人", "客服人员", "客服人員", "找客服", "接线员", "接線員", "和人说话", "跟人说话", "联系客服", "聯繫客服", "人工"],
    negations: ["不需要", "不用", "不要人工", "不要转", "無需", "无需"],
  },
  ar: {
    phrases: ["موظف", "وكيل خدمه", "ممثل خدمه", "ممثل", "شخص حقيقي", "انسان", "بشري", "التحدث مع شخص", "التكلم مع شخص", "خدمه العملاء"],
    negations: ["لا اريد", "لا احتاج", "بدون", "مش عايز", "ما ابغى"],
  },
};
