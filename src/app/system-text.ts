/**
 * What Baton itself says in a conversation ("María from Billing has joined", the wait, the reply
 * promise), in the conversation's language. Languages without a table fall back to English.
 */
type Key =
  | "connecting"
  | "joined"
  | "joinedTeam"
  | "stepAway"
  | "stepAwayAlone"
  | "reassigned"
  | "noLiveOption"
  | "transferred"
  | "resolved"
  | "thanksWaiting"
  | "awayNow"
  | "nobodyNow"
  | "leaveMessage"
  | "queuePosition"
  | "longWait"
  | "messageLeft"
  | "by"
  | "underMinutes"
  | "underMinute"
  | "aboutMinutes"
  | "visitorLeft";

const EN: Record<Key, string> = {
  connecting: "Connecting you with a person who can help…",
  joined: "{name} has joined the chat.",
  joinedTeam: "{name} from {team} has joined the chat.",
  stepAway: "Your agent had to step away. We are connecting you with someone else, with your conversation so far.",
  stepAwayAlone: "Your agent had to step away.",
  reassigned: "Sorry for the wait. We are passing your chat to a colleague who can answer now, with your conversation so far.",
  noLiveOption: "{why} You can keep waiting here and the first person back will join you, or leave us a message with your e-mail and we will reply {when}.",
  transferred: "You are being transferred to a colleague who can help further. They can see the whole conversation.",
  resolved: "This chat has been resolved. How did we do?",
  thanksWaiting: "Thanks for waiting. We'll be with you as soon as we can.",
  awayNow: "Our team is away right now.",
  nobodyNow: "Nobody who can help with this is available right now.",
  leaveMessage: "{why} Leave us a message with your e-mail and we will reply {when}.",
  queuePosition: "You are number {position} in the queue. Estimated wait: {wait}.",
  longWait: "The wait is {wait} right now. You can keep waiting, or leave a message and we will reply by e-mail {when}.",
  messageLeft: "Thanks! We have your message and will reply to {email} {when}.",
  by: "by {time}",
  underMinute: "under 1 minute",
  underMinutes: "under {n} minutes",
  aboutMinutes: "about {n} minutes",
  visitorLeft: "The visitor left before anyone could join.",
};

const TABLES: Readonly<Record<string, Record<Key, string>>> = {
  en: EN,
  es: {
    connecting: "Te estamos conectando con una persona que pueda ayudarte…",
    joined: "{name} se ha unido al chat.",
    joinedTeam: "{name} de {team} se ha unido al chat.",
    stepAway: "Tu agente ha tenido que ausentarse. Te conectamos con otra persona, que verá toda la conversación.",
    stepAwayAlone: "Tu agente ha tenido que ausentarse.",
    reassigned: "Perdona la espera. Pasamos tu chat a un compañero que puede responderte ahora, con toda la conversación.",
    noLiveOption: "{why} Puedes seguir esperando aquí y la primera persona que vuelva te atenderá, o dejarnos un mensaje con tu correo y te responderemos {when}.",
    transferred: "Te transferimos a un compañero que puede ayudarte mejor. Verá toda la conversación.",
    resolved: "Este chat se ha resuelto. ¿Qué tal lo hicimos?",
    thanksWaiting: "Gracias por esperar. Te atenderemos lo antes posible.",
    awayNow: "Nuestro equipo no está disponible ahora.",
    nobodyNow: "Ahora mismo no hay nadie disponible que pueda ayudarte con esto.",
    leaveMessage: "{why} Déjanos un mensaje con tu correo y te responderemos {when}.",
    queuePosition: "Eres el número {position} en la cola. Espera estimada: {wait}.",
    longWait: "La espera ahora es de {wait}. Puedes seguir esperando o dejar un mensaje y te responderemos por correo {when}.",
    messageLeft: "¡Gracias! Tenemos tu mensaje y responderemos a {email} {when}.",
    by: "antes del {time}",
    underMinute: "menos de 1 minuto",
    underMinutes: "menos de {n} minutos",
    aboutMinutes: "unos {n} minutos",
    visitorLeft: "El visitante se fue antes de que alguien pudiera atenderle.",
  },
  fr: {
    connecting: "Nous vous mettons en relation avec une personne qui peut vous aider…",
    joined: "{name} a rejoint la conversation.",
    joinedTeam: "{name} ({team}) a rejoint la conversation.",
    stepAway: "Votre conseiller a dû s'absenter. Nous vous mettons en relation avec quelqu'un d'autre, qui voit toute la conversation.",
    stepAwayAlone: "Votre conseiller a dû s'absenter.",
    reassigned: "Désolés pour l'attente. Nous transmettons votre conversation à un collègue disponible, avec tout l'historique.",
    noLiveOption: "{why} Vous pouvez patienter ici et la première personne de retour vous rejoindra, ou nous laisser un message avec votre e-mail et nous vous répondrons {when}.",
    transferred: "Nous vous transférons à un collègue qui pourra vous aider. Il voit toute la conversation.",
    resolved: "Cette conversation est résolue. Comment nous en sommes-nous sortis ?",
    thanksWaiting: "Merci de patienter. Nous sommes à vous dès que possible.",
    awayNow: "Notre équipe est absente pour le moment.",
    nobodyNow: "Personne ne peut vous aider sur ce sujet pour le moment.",
    leaveMessage: "{why} Laissez-nous un message avec votre e-mail et nous vous répondrons {when}.",
    queuePosition: "Vous êtes numéro {position} dans la file. Attente estimée : {wait}.",
    longWait: "L'attente est de {wait} en ce moment. Vous pouvez patienter, ou laisser un message et nous répondrons par e-mail {when}.",
    messageLeft: "Merci ! Nous avons votre message et répondrons à {email} {when}.",
    by: "d'ici {time}",
    underMinute: "moins d'1 minute",
    underMinutes: "moins de {n} minutes",
    aboutMinutes: "environ {n} minutes",
    visitorLeft: "Le visiteur est parti avant qu'un conseiller ne le rejoigne.",
  },
  de: {
    connecting: "Wir verbinden Sie mit einer Person, die helfen kann…",
    joined: "{name} ist dem Chat beigetreten.",
    joinedTeam: "{name} ({team}) ist dem Chat beigetreten.",
    stepAway: "Ihr Ansprechpartner musste kurz weg. Wir verbinden Sie mit jemand anderem, der den ganzen Verlauf sieht.",
    stepAwayAlone: "Ihr Ansprechpartner musste kurz weg.",
    reassigned: "Entschuldigen Sie die Wartezeit. Wir geben Ihren Chat mit dem bisherigen Verlauf an eine Kollegin oder einen Kollegen weiter, die jetzt antworten können.",
    noLiveOption: "{why} Sie können hier warten, dann übernimmt die erste Person, die zurück ist, oder uns eine Nachricht mit Ihrer E-Mail-Adresse hinterlassen; wir antworten {when}.",
    transferred: "Wir übergeben Sie an eine Kollegin oder einen Kollegen, die weiterhelfen können. Der ganze Verlauf ist sichtbar.",
    resolved: "Dieser Chat ist erledigt. Wie zufrieden waren Sie?",
    thanksWaiting: "Danke für Ihre Geduld. Wir sind so bald wie möglich für Sie da.",
    awayNow: "Unser Team ist gerade nicht erreichbar.",
    nobodyNow: "Gerade ist niemand verfügbar, der dabei helfen kann.",
    leaveMessage: "{why} Hinterlassen Sie uns eine Nachricht mit Ihrer E-Mail-Adresse; wir antworten {when}.",
    queuePosition: "Sie sind Nummer {position} in der Warteschlange. Geschätzte Wartezeit: {wait}.",
    longWait: "Die Wartezeit beträgt gerade {wait}. Sie können warten oder eine Nachricht hinterlassen; wir antworten per E-Mail {when}.",
    messageLeft: "Danke! Wir haben Ihre Nachricht und antworten an {email} {when}.",
    by: "bis {time}",
    underMinute: "unter 1 Minute",
    underMinutes: "unter {n} Minuten",
    aboutMinutes: "etwa {n} Minuten",
    visitorLeft: "Der Besucher ist gegangen, bevor jemand übernehmen konnte.",
  },
  pt: {
    connecting: "A ligá-lo a uma pessoa que pode ajudar…",
    joined: "{name} entrou na conversa.",
    joinedTeam: "{name} ({team}) entrou na conversa.",
    stepAway: "O seu agente teve de se ausentar. Vamos ligá-lo a outra pessoa, que vê toda a conversa.",
    stepAwayAlone: "O seu agente teve de se ausentar.",
    reassigned: "Desculpe a espera. Vamos passar a sua conversa a um colega que pode responder agora, com todo o histórico.",
    noLiveOption: "{why} Pode continuar à espera aqui e a primeira pessoa a voltar irá atendê-lo, ou deixar-nos uma mensagem com o seu e-mail e responderemos {when}.",
    transferred: "Vamos transferi-lo para um colega que pode ajudar. Ele vê toda a conversa.",
    resolved: "Esta conversa foi resolvida. Como nos saímos?",
    thanksWaiting: "Obrigado por esperar. Estaremos consigo assim que possível.",
    awayNow: "A nossa equipa não está disponível agora.",
    nobodyNow: "Neste momento não há ninguém disponível que possa ajudar com isto.",
    leaveMessage: "{why} Deixe-nos uma mensagem com o seu e-mail e responderemos {when}.",
    queuePosition: "É o número {position} na fila. Espera estimada: {wait}.",
    longWait: "A espera é de {wait} neste momento. Pode continuar à espera ou deixar uma mensagem e responderemos por e-mail {when}.",
    messageLeft: "Obrigado! Recebemos a sua mensagem e responderemos para {email} {when}.",
    by: "até {time}",
    underMinute: "menos de 1 minuto",
    underMinutes: "menos de {n} minutos",
    aboutMinutes: "cerca de {n} minutos",
    visitorLeft: "O visitante saiu antes de alguém se juntar.",
  },
};

/**
 * One of Baton's own sentences in `language`, with `{placeholders}` filled.
 * @example
 * systemText("es", "joinedTeam", { name: "María", team: "Billing" }) // "María de Billing se ha unido al chat."
 */
export function systemText(language: string, key: Key, params: Readonly<Record<string, string | number>> = {}): string {
  const table = TABLES[language] ?? EN;
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** A wait bucket from the core ("under 2 minutes", "about 5 minutes") in `language`. */
export function bucketText(language: string, bucket: string): string {
  const under = /^under (\d+) minutes?$/.exec(bucket);
  if (under !== null) return under[1] === "1" ? systemText(language, "underMinute") : systemText(language, "underMinutes", { n: under[1] ?? "" });
  const about = /^about (\d+) minutes?$/.exec(bucket);
  if (about !== null) return systemText(language, "aboutMinutes", { n: about[1] ?? "" });
  return bucket;
}
