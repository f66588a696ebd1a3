/**
 * Baton's support-chat sentiment additions, per language, in folded form (lower case, no accents).
 * General lexicons (AFINN, senticon) miss the words customers use when service fails them: "still
 * waiting", "delayed", "cancelled", "on hold". Values are added to the raw score before squashing
 * (about 1 = one clearly negative word). Hand-written; a bot owner may extend them.
 */
export interface SupportSentimentLexicon {
  readonly words: Readonly<Record<string, number>>;
  /** Two-word phrases, "first second". */
  readonly phrases: Readonly<Record<string, number>>;
}

/** Emoticons and punctuation that read as frustration in any language (raw text, not words). */
export const FRUSTRATION_MARKS: readonly { readonly pattern: RegExp; readonly value: number }[] = [
  { pattern: /[:;]-?\(|:'\(|>:\(|D:/g, value: -0.8 },
  { pattern: /[\u{1F620}\u{1F621}\u{1F624}\u{1F44E}\u{1F612}\u{1F62B}\u{1F629}\u{1F62D}\u{1F61E}\u{1F614}]/gu, value: -0.8 },
  { pattern: /[!?]{2,}/g, value: -0.3 },
];

export const SUPPORT_SENTIMENT: Readonly<Record<string, SupportSentimentLexicon>> = {
  en: {
    words: {
      delayed: -0.6, delay: -0.5, delays: -0.5, cancelled: -0.6, canceled: -0.6, stuck: -0.6, stranded: -0.8,
      lost: -0.5, broken: -0.6, unacceptable: -1, ridiculous: -0.8, useless: -0.8, rude: -0.8, nobody: -0.4,
      waiting: -0.4, waited: -0.5, hours: -0.3, never: -0.3, again: -0.2, still: -0.3, late: -0.5, worst: -0.5,
      refund: -0.3, complaint: -0.6, disappointed: -0.4, frustrated: -0.4, frustrating: -0.5, joke: -0.5,
      fail: -0.3, failed: -0.4, missed: -0.4, hold: -0.3, "can't": -0.2, cant: -0.2, "won't": -0.2, wont: -0.2,
      "didn't": -0.2, "doesn't": -0.2, "isn't": -0.1, why: -0.2, seriously: -0.4, wtf: -0.8, sucks: -0.5,
      nothing: -0.3, charged: -0.3, overbooked: -0.7, misplaced: -0.6, damaged: -0.6, terrible: -0.3,
      problem: -0.4, problems: -0.4, issue: -0.3, issues: -0.3, cannot: -0.3, wait: -0.3, hour: -0.2, hrs: -0.3,
      minutes: -0.2, mins: -0.2, yet: -0.2, bug: -0.5, excuse: -0.4, excuses: -0.5, ugh: -0.7, zero: -0.3, even: -0.2,
      instead: -0.2, missing: -0.5, nowhere: -0.4, no: -0.15, not: -0.15, "haven't": -0.2, "hasn't": -0.2, "wasn't": -0.2,
      "couldn't": -0.2, "aren't": -0.1, down: -0.2, "what's": -0.1, nope: -0.4, answer: -0.1, hung: -0.3,
    },
    phrases: {
      "on hold": -0.6, "no one": -0.5, "not working": -0.8, "doesn't work": -0.8, "not happy": -0.8,
      "no response": -0.6, "no help": -0.7, "no answer": -0.6, "hung up": -0.7, "so much": -0.1,
    },
  },
  es: {
    words: {
      retrasado: -0.6, retraso: -0.5, cancelado: -0.6, perdido: -0.5, roto: -0.6, inaceptable: -1, ridiculo: -0.8,
      inutil: -0.8, grosero: -0.8, esperando: -0.4, horas: -0.3, nunca: -0.3, todavia: -0.3, tarde: -0.3,
      peor: -0.6, pesimo: -1, reclamacion: -0.6, harto: -0.8, harta: -0.8, verguenza: -0.8, estafa: -1,
    },
    phrases: { "no funciona": -0.8, "sin respuesta": -0.6, "nadie responde": -0.7, "muy mal": -0.8 },
  },
  fr: {
    words: {
      retard: -0.5, annule: -0.6, perdu: -0.5, casse: -0.6, inacceptable: -1, ridicule: -0.8, inutile: -0.8,
      attente: -0.4, attends: -0.4, heures: -0.3, jamais: -0.3, toujours: -0.2, pire: -0.6, nul: -0.8,
      reclamation: -0.6, marre: -0.8, honte: -0.8, arnaque: -1, furieux: -0.6, furieuse: -0.6,
    },
    phrases: { "ne marche": -0.8, "ne fonctionne": -0.8, "sans reponse": -0.6, "en panne": -0.6, "tres mal": -0.8 },
  },
  de: {
    words: {
      verspatet: -0.6, verspatung: -0.5, storniert: -0.5, verloren: -0.5, kaputt: -0.8, inakzeptabel: -1,
      lacherlich: -0.8, nutzlos: -0.8, unverschamt: -1, warte: -0.4, stunden: -0.3, nie: -0.3, immer: -0.1,
      noch: -0.1, schlimmste: -0.8, beschwerde: -0.6, sauer: -0.6, frechheit: -1, betrug: -1, katastrophe: -1,
    },
    phrases: { "funktioniert nicht": -0.8, "keine antwort": -0.6, "sehr schlecht": -0.8, "geht nicht": -0.6 },
  },
  pt: {
    words: {
      atrasado: -0.6, atraso: -0.5, cancelado: -0.6, perdido: -0.5, quebrado: -0.6, inaceitavel: -1,
      ridiculo: -0.8, inutil: -0.8, esperando: -0.4, horas: -0.3, nunca: -0.3, ainda: -0.2, pior: -0.6,
      pessimo: -1, pessima: -1, reclamacao: -0.6, absurdo: -0.8, vergonha: -0.8, golpe: -0.8, horrivel: -1,
    },
    phrases: { "nao funciona": -0.8, "sem resposta": -0.6, "muito ruim": -0.8, "ninguem responde": -0.7 },
  },
};
