/**
 * Folded (lower case, no accents) function words of en, es, fr, de and pt, as one set: the repeat
 * detectors compare content words only, and a union is harmless across these languages.
 * Hand-written; includes chat filler ("hi", "please", "thanks", "ok").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // en
    "a an the and or but if so of to in on at by for with from about into over as is are was were be been being",
    "am do does did doing have has had having i me my mine we us our you your yours he him his she her it its",
    "they them their this that these those there here what which who whom whose when where why how",
    "can could will would shall should may might must not no yes just also very too again still already",
    "any some all more most other such only own same than then now up down out off",
    "hi hello hey please pls thanks thank ok okay yeah yep hmm i'm i've it's what's where's don't can't",
    "doesn't didn't isn't won't let let's get got want need know tell",
    // es
    "el la los las un una unos unas de del al y o pero si no que en por para con sin sobre es son fue ser",
    "estar esta este esto estoy estan mi mis tu tus su sus yo me te se nos le les lo hola gracias por favor",
    "como donde cuando cual quien porque muy ya aun",
    // fr
    "le les des du une et ou mais pas ne je tu il elle nous vous ils elles mon ma mes ton ta tes son sa ses",
    "notre votre leur ce cet cette ces est sont etre ai as avez avons suis bonjour merci oui non qui quoi",
    "comment quand pourquoi dans sur avec pour par au aux c'est j'ai",
    // de
    "der die das den dem des ein eine einen einem einer und oder aber nicht kein keine ich du er sie es wir ihr",
    "mein meine meinen mir mich dein ihre ihren ist sind war bin hast habe hat haben zu mit von fur auf im",
    "an bei wie wo was wann warum hallo danke bitte ja nein noch schon",
    // pt
    "os as um uma umas uns do da dos das em no na nos nas e ou mas nao meu minha meus minhas seu sua voce",
    "eu ele ela isso isto esse essa este aquele foi ser estou esta ola obrigado obrigada sim onde quando",
    "qual quem porque muito ja",
  ]
    .join(" ")
    .split(/\s+/),
);
