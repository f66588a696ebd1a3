/**
 * UI strings for the web surfaces (the widget's chrome first). Message text comes from the server
 * and is shown as sent; only labels, buttons and status lines are translated here.
 */

export const LANGUAGES = ["en", "es", "fr", "de", "pt"] as const;
export type Lang = (typeof LANGUAGES)[number];

const en = {
  openChatUnread: "Open chat ({n} unread)",
  subtitleQueuedShort: "Number {position} in the queue · {bucket}",
  subtitleFinding: "Finding a person to help you…",
  subtitleAway: "We're away: we will reply {when}",
  subtitleResolved: "This chat is resolved",
  composerBlocked: "Use the form above",
  tooLong: "Your message has {n} characters; the limit is {max}. Shorten it or send it in parts.",
  charCount: "{n} of {max} characters",
  transcriptOpen: "E-mail me this conversation",
  transcriptTitle: "Get this conversation by e-mail",
  transcriptSend: "Send transcript",
  transcriptSent: "We sent this conversation to {email}.",
  openChat: "Open chat",
  closeChat: "Close chat",
  title: "Chat with us",
  subtitleBot: "Our assistant answers right away",
  subtitleAgent: "You are chatting with {name}",
  messageLabel: "Your message",
  placeholder: "Type a message…",
  send: "Send",
  attach: "Attach an image or PDF",
  attachFailed: "The file was not sent: {message}",
  log: "Conversation",
  you: "You",
  sending: "Sending…",
  sent: "Sent",
  read: "Read",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  offline: "You are offline. Messages will be sent when you are back.",
  queued: "You are number {position} in the queue",
  queuedWait: "Estimated wait: {bucket}",
  connectingAgent: "Connecting you with a person…",
  offerText: "The wait is {bucket}. You can keep waiting, or leave a message and we will reply {when}.",
  offerNobodyText: "Nobody who can help is available right now. You can keep waiting, and the first person back will join you, or leave a message and we will reply {when}.",
  keepWaiting: "Keep waiting",
  botAnswered: "That answered my question",
  leaveMessage: "Leave a message",
  asyncTitle: "Leave us a message",
  asyncPromise: "We will reply by e-mail {when}.",
  name: "Name (optional)",
  email: "E-mail",
  message: "Message",
  submit: "Send message",
  cancel: "Cancel",
  asyncDone: "Thanks! We have your message and will reply {when}.",
  inboxReply: "Reply to your message",
  translated: "Translated automatically from {lang}",
  csatTitle: "How did we do?",
  csatStar: "{n} of 5 stars",
  csatComment: "Comment (optional)",
  csatSubmit: "Send rating",
  csatThanks: "Thank you for your feedback!",
  typing: "{name} is typing…",
  error: "Something went wrong: {message}",
  retry: "Not sent yet: will retry",
  under: "under {n} {unit}",
  about: "about {n} {unit}",
  minute: "minute",
  minutes: "minutes",
  second: "second",
  seconds: "seconds",
  byTime: "by {time}",
  asap: "as soon as possible",
};

/** Every key the UI uses. */
export type Strings = typeof en;
export type StringKey = keyof Strings;

const es: Strings = {
  openChatUnread: "Abrir el chat ({n} sin leer)",
  subtitleQueuedShort: "Número {position} en la cola · {bucket}",
  subtitleFinding: "Buscando a una persona que te ayude…",
  subtitleAway: "No estamos disponibles: te responderemos {when}",
  subtitleResolved: "Este chat está resuelto",
  composerBlocked: "Usa el formulario de arriba",
  tooLong: "Tu mensaje tiene {n} caracteres; el límite es {max}. Acórtalo o envíalo en partes.",
  charCount: "{n} de {max} caracteres",
  transcriptOpen: "Enviarme esta conversación por correo",
  transcriptTitle: "Recibe esta conversación por correo",
  transcriptSend: "Enviar la conversación",
  transcriptSent: "Hemos enviado esta conversación a {email}.",
  openChat: "Abrir el chat",
  closeChat: "Cerrar el chat",
  title: "Chatea con nosotros",
  subtitleBot: "Nuestro asistente responde al instante",
  subtitleAgent: "Estás hablando con {name}",
  messageLabel: "Tu mensaje",
  placeholder: "Escribe un mensaje…",
  send: "Enviar",
  attach: "Adjuntar una imagen o un PDF",
  attachFailed: "El archivo no se envió: {message}",
  log: "Conversación",
  you: "Tú",
  sending: "Enviando…",
  sent: "Enviado",
  read: "Leído",
  connecting: "Conectando…",
  reconnecting: "Reconectando…",
  offline: "Sin conexión. Tus mensajes se enviarán al volver.",
  queued: "Eres el número {position} en la cola",
  queuedWait: "Espera estimada: {bucket}",
  connectingAgent: "Te estamos conectando con una persona…",
  offerText: "La espera es de {bucket}. Puedes seguir esperando o dejar un mensaje y te responderemos {when}.",
  offerNobodyText: "Ahora no hay nadie disponible que pueda ayudarte. Puedes seguir esperando, y la primera persona que vuelva te atenderá, o dejar un mensaje y te responderemos {when}.",
  keepWaiting: "Seguir esperando",
  botAnswered: "Eso responde a mi pregunta",
  leaveMessage: "Dejar un mensaje",
  asyncTitle: "Déjanos un mensaje",
  asyncPromise: "Te responderemos por correo {when}.",
  name: "Nombre (opcional)",
  email: "Correo electrónico",
  message: "Mensaje",
  submit: "Enviar mensaje",
  cancel: "Cancelar",
  asyncDone: "¡Gracias! Hemos recibido tu mensaje y responderemos {when}.",
  inboxReply: "Respuesta a tu mensaje",
  translated: "Traducido automáticamente del {lang}",
  csatTitle: "¿Qué tal lo hicimos?",
  csatStar: "{n} de 5 estrellas",
  csatComment: "Comentario (opcional)",
  csatSubmit: "Enviar valoración",
  csatThanks: "¡Gracias por tu opinión!",
  typing: "{name} está escribiendo…",
  error: "Algo salió mal: {message}",
  retry: "Aún no enviado: se reintentará",
  under: "menos de {n} {unit}",
  about: "unos {n} {unit}",
  minute: "minuto",
  minutes: "minutos",
  second: "segundo",
  seconds: "segundos",
  byTime: "antes de {time}",
  asap: "lo antes posible",
};

const fr: Strings = {
  openChatUnread: "Ouvrir le chat ({n} non lus)",
  subtitleQueuedShort: "Numéro {position} dans la file · {bucket}",
  subtitleFinding: "Nous cherchons une personne pour vous aider…",
  subtitleAway: "Nous sommes absents : nous répondrons {when}",
  subtitleResolved: "Cette conversation est résolue",
  composerBlocked: "Utilisez le formulaire",
  tooLong: "Votre message fait {n} caractères ; la limite est de {max}. Raccourcissez-le ou envoyez-le en plusieurs fois.",
  charCount: "{n} caractères sur {max}",
  transcriptOpen: "M'envoyer cette conversation par e-mail",
  transcriptTitle: "Recevoir cette conversation par e-mail",
  transcriptSend: "Envoyer la conversation",
  transcriptSent: "Nous avons envoyé cette conversation à {email}.",
  openChat: "Ouvrir le chat",
  closeChat: "Fermer le chat",
  title: "Discutons",
  subtitleBot: "Notre assistant répond tout de suite",
  subtitleAgent: "Vous discutez avec {name}",
  messageLabel: "Votre message",
  placeholder: "Écrivez un message…",
  send: "Envoyer",
  attach: "Joindre une image ou un PDF",
  attachFailed: "Le fichier n'a pas été envoyé : {message}",
  log: "Conversation",
  you: "Vous",
  sending: "Envoi…",
  sent: "Envoyé",
  read: "Lu",
  connecting: "Connexion…",
  reconnecting: "Reconnexion…",
  offline: "Hors ligne. Vos messages partiront à votre retour.",
  queued: "Vous êtes numéro {position} dans la file",
  queuedWait: "Attente estimée : {bucket}",
  connectingAgent: "Nous vous mettons en relation avec une personne…",
  offerText: "L'attente est de {bucket}. Vous pouvez patienter, ou laisser un message et nous répondrons {when}.",
  offerNobodyText: "Personne ne peut vous aider pour le moment. Vous pouvez patienter, la première personne de retour vous rejoindra, ou laisser un message et nous répondrons {when}.",
  keepWaiting: "Continuer d'attendre",
  botAnswered: "Cela répond à ma question",
  leaveMessage: "Laisser un message",
  asyncTitle: "Laissez-nous un message",
  asyncPromise: "Nous répondrons par e-mail {when}.",
  name: "Nom (facultatif)",
  email: "E-mail",
  message: "Message",
  submit: "Envoyer le message",
  cancel: "Annuler",
  asyncDone: "Merci ! Nous avons votre message et répondrons {when}.",
  inboxReply: "Réponse à votre message",
  translated: "Traduit automatiquement ({lang})",
  csatTitle: "Comment était notre service ?",
  csatStar: "{n} étoiles sur 5",
  csatComment: "Commentaire (facultatif)",
  csatSubmit: "Envoyer la note",
  csatThanks: "Merci pour votre avis !",
  typing: "{name} écrit…",
  error: "Une erreur est survenue : {message}",
  retry: "Pas encore envoyé : nouvel essai bientôt",
  under: "moins de {n} {unit}",
  about: "environ {n} {unit}",
  minute: "minute",
  minutes: "minutes",
  second: "seconde",
  seconds: "secondes",
  byTime: "d'ici {time}",
  asap: "dès que possible",
};

const de: Strings = {
  openChatUnread: "Chat öffnen ({n} ungelesen)",
  subtitleQueuedShort: "Nummer {position} in der Warteschlange · {bucket}",
  subtitleFinding: "Wir suchen eine Person, die Ihnen hilft…",
  subtitleAway: "Wir sind nicht da: wir antworten {when}",
  subtitleResolved: "Dieser Chat ist erledigt",
  composerBlocked: "Nutzen Sie das Formular",
  tooLong: "Ihre Nachricht hat {n} Zeichen; erlaubt sind {max}. Kürzen Sie sie oder senden Sie sie in Teilen.",
  charCount: "{n} von {max} Zeichen",
  transcriptOpen: "Diese Unterhaltung per E-Mail senden",
  transcriptTitle: "Diese Unterhaltung per E-Mail erhalten",
  transcriptSend: "Verlauf senden",
  transcriptSent: "Wir haben diese Unterhaltung an {email} gesendet.",
  openChat: "Chat öffnen",
  closeChat: "Chat schließen",
  title: "Schreiben Sie uns",
  subtitleBot: "Unser Assistent antwortet sofort",
  subtitleAgent: "Sie chatten mit {name}",
  messageLabel: "Ihre Nachricht",
  placeholder: "Nachricht schreiben…",
  send: "Senden",
  attach: "Bild oder PDF anhängen",
  attachFailed: "Die Datei wurde nicht gesendet: {message}",
  log: "Unterhaltung",
  you: "Sie",
  sending: "Wird gesendet…",
  sent: "Gesendet",
  read: "Gelesen",
  connecting: "Verbinde…",
  reconnecting: "Verbindung wird wiederhergestellt…",
  offline: "Offline. Nachrichten werden gesendet, sobald Sie wieder online sind.",
  queued: "Sie sind Nummer {position} in der Warteschlange",
  queuedWait: "Geschätzte Wartezeit: {bucket}",
  connectingAgent: "Wir verbinden Sie mit einer Person…",
  offerText: "Die Wartezeit beträgt {bucket}. Sie können warten oder eine Nachricht hinterlassen; wir antworten {when}.",
  offerNobodyText: "Gerade ist niemand verfügbar, der helfen kann. Sie können warten, dann übernimmt die erste Person, die zurück ist, oder eine Nachricht hinterlassen; wir antworten {when}.",
  keepWaiting: "Weiter warten",
  botAnswered: "Damit ist meine Frage beantwortet",
  leaveMessage: "Nachricht hinterlassen",
  asyncTitle: "Hinterlassen Sie uns eine Nachricht",
  asyncPromise: "Wir antworten per E-Mail {when}.",
  name: "Name (optional)",
  email: "E-Mail",
  message: "Nachricht",
  submit: "Nachricht senden",
  cancel: "Abbrechen",
  asyncDone: "Danke! Wir haben Ihre Nachricht und antworten {when}.",
  inboxReply: "Antwort auf Ihre Nachricht",
  translated: "Automatisch übersetzt ({lang})",
  csatTitle: "Wie zufrieden waren Sie?",
  csatStar: "{n} von 5 Sternen",
  csatComment: "Kommentar (optional)",
  csatSubmit: "Bewertung senden",
  csatThanks: "Danke für Ihr Feedback!",
  typing: "{name} schreibt…",
  error: "Etwas ist schiefgelaufen: {message}",
  retry: "Noch nicht gesendet: neuer Versuch folgt",
  under: "unter {n} {unit}",
  about: "etwa {n} {unit}",
  minute: "Minute",
  minutes: "Minuten",
  second: "Sekunde",
  seconds: "Sekunden",
  byTime: "bis {time}",
  asap: "so bald wie möglich",
};

const pt: Strings = {
  openChatUnread: "Abrir o chat ({n} por ler)",
  subtitleQueuedShort: "Número {position} na fila · {bucket}",
  subtitleFinding: "A procurar uma pessoa para o ajudar…",
  subtitleAway: "Estamos ausentes: responderemos {when}",
  subtitleResolved: "Este chat está resolvido",
  composerBlocked: "Use o formulário acima",
  tooLong: "A sua mensagem tem {n} caracteres; o limite é {max}. Encurte-a ou envie-a em partes.",
  charCount: "{n} de {max} caracteres",
  transcriptOpen: "Enviar-me esta conversa por e-mail",
  transcriptTitle: "Receber esta conversa por e-mail",
  transcriptSend: "Enviar a conversa",
  transcriptSent: "Enviámos esta conversa para {email}.",
  openChat: "Abrir o chat",
  closeChat: "Fechar o chat",
  title: "Fale connosco",
  subtitleBot: "O nosso assistente responde de imediato",
  subtitleAgent: "Está a falar com {name}",
  messageLabel: "A sua mensagem",
  placeholder: "Escreva uma mensagem…",
  send: "Enviar",
  attach: "Anexar uma imagem ou um PDF",
  attachFailed: "O arquivo não foi enviado: {message}",
  log: "Conversa",
  you: "Você",
  sending: "A enviar…",
  sent: "Enviada",
  read: "Lida",
  connecting: "A ligar…",
  reconnecting: "A restabelecer a ligação…",
  offline: "Sem ligação. As mensagens serão enviadas quando voltar.",
  queued: "É o número {position} na fila",
  queuedWait: "Espera estimada: {bucket}",
  connectingAgent: "Estamos a ligá-lo a uma pessoa…",
  offerText: "A espera é de {bucket}. Pode continuar à espera ou deixar uma mensagem e responderemos {when}.",
  offerNobodyText: "Neste momento não há ninguém disponível. Pode continuar à espera, e a primeira pessoa a voltar irá atendê-lo, ou deixar uma mensagem e responderemos {when}.",
  keepWaiting: "Continuar à espera",
  botAnswered: "Isso responde à minha pergunta",
  leaveMessage: "Deixar uma mensagem",
  asyncTitle: "Deixe-nos uma mensagem",
  asyncPromise: "Responderemos por e-mail {when}.",
  name: "Nome (opcional)",
  email: "E-mail",
  message: "Mensagem",
  submit: "Enviar mensagem",
  cancel: "Cancelar",
  asyncDone: "Obrigado! Recebemos a sua mensagem e responderemos {when}.",
  inboxReply: "Resposta à sua mensagem",
  translated: "Traduzido automaticamente do {lang}",
  csatTitle: "Como correu?",
  csatStar: "{n} de 5 estrelas",
  csatComment: "Comentário (opcional)",
  csatSubmit: "Enviar avaliação",
  csatThanks: "Obrigado pela sua opinião!",
  typing: "{name} está a escrever…",
  error: "Algo correu mal: {message}",
  retry: "Ainda não enviada: nova tentativa em breve",
  under: "menos de {n} {unit}",
  about: "cerca de {n} {unit}",
  minute: "minuto",
  minutes: "minutos",
  second: "segundo",
  seconds: "segundos",
  byTime: "até {time}",
  asap: "o mais breve possível",
};

const TABLES: Readonly<Record<Lang, Strings>> = { en, es, fr, de, pt };

/**
 * The UI language: `requested` when it is a supported code ("fr", "pt-BR"), otherwise
 * ("auto", empty, unsupported) the first supported browser language, else English.
 * @example
 * pickLanguage("auto", ["de-AT", "en"]); // "de"
 */
export function pickLanguage(requested: string | null | undefined, browser: readonly string[]): Lang {
  const norm = (tag: string): Lang | null => {
    const base = tag.trim().slice(0, 2).toLowerCase();
    return (LANGUAGES as readonly string[]).includes(base) ? (base as Lang) : null;
  };
  const asked = requested && requested !== "auto" ? norm(requested) : null;
  if (asked !== null) return asked;
  for (const tag of browser) {
    const lang = norm(tag);
    if (lang !== null) return lang;
  }
  return "en";
}

/** A translate function: `t("queued", { position: 2 })` fills `{position}`. */
export type Translate = (key: StringKey, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * The strings of one language as a function.
 * @example
 * translator("fr")("queued", { position: 3 }); // "Vous êtes numéro 3 dans la file"
 */
export function translator(lang: Lang): Translate {
  const table = TABLES[lang];
  return (key, vars) => table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars?.[name] === undefined ? whole : String(vars[name])));
}

/** The server's literal for "no later than the next opening, which is now" (src/app/visitor-status.ts). */
const SERVER_ASAP = "as soon as possible";

/**
 * The promised reply time with its preposition, in the UI language: "by Monday 8:00 AM (Paris)"
 * from the server's `promisedText`, or "as soon as possible".
 */
export function replyWhen(promisedText: string, t: Translate): string {
  return promisedText.trim() === "" || promisedText === SERVER_ASAP ? t("asap") : t("byTime", { time: promisedText });
}

/**
 * The server's English wait bucket ("under 2 minutes", "about 8 minutes") in the UI language;
 * anything else is returned as given.
 */
export function localizeBucket(bucket: string, t: Translate): string {
  const m = /^(under|about) (\d+) (minute|second)s?$/.exec(bucket.trim());
  if (m === null) return bucket;
  const n = Number(m[2]);
  const unit = t(m[3] === "minute" ? (n === 1 ? "minute" : "minutes") : n === 1 ? "second" : "seconds");
  return t(m[1] === "under" ? "under" : "about", { n, unit });
}
