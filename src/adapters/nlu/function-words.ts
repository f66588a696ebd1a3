/**
 * Very frequent function words of each supported language (folded: lower case, no accents). When eld
 * hesitates between close candidates (a German request with an English song title, "hi"), the
 * language whose grammar words the message uses wins. Hand-written; single letters left out.
 */
export const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set("the an and is are my to of in for you it what where how please can with this that hi hello thanks thank me i'm i've don't can't there from your at be have".split(" ")),
  es: new Set("el la los las de del que en un una mi mis por para con no es esta hola gracias donde como que se me lo al pero mas".split(" ")),
  fr: new Set("le la les de des du un une et est je mon ma mes pour avec pas bonjour merci ou comment vous ne qui sur au aux c'est j'ai".split(" ")),
  de: new Set("der die das ein eine einen und ist ich mein meine mit von zu nicht wie wo was bitte hallo danke fur auf den dem im es sie wir habe mochte".split(" ")),
  pt: new Set("os as de do da dos das em um uma meu minha por para com nao ola obrigado obrigada onde como voce no na se que mais".split(" ")),
};
