// Minimal typings for the parts of NLP.js (v4, CommonJS, ships no types) that Baton uses.
declare module "@nlpjs/core" {
  export interface Container {
    use(plugin: unknown): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(settings?: Record<string, unknown>): Promise<Container>;
}
declare module "@nlpjs/nlp" {
  import type { Container } from "@nlpjs/core";
  export interface NlpClassification {
    readonly intent: string;
    readonly score: number;
  }
  export interface NlpResult {
    readonly intent: string;
    readonly score: number;
    readonly classifications?: readonly NlpClassification[];
  }
  export class Nlp {
    constructor(settings?: Record<string, unknown>, container?: Container);
    settings: Record<string, unknown>;
    addLanguage(locales: string | string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    export(minified?: boolean): string;
    import(data: string | object): void;
    process(locale: string, utterance: string): Promise<NlpResult>;
    nluManager: { process(locale: string, utterance: string): Promise<NlpResult> };
  }
}
declare module "@nlpjs/sentiment" {
  import type { Container } from "@nlpjs/core";
  export class SentimentAnalyzer {
    constructor(settings?: { container?: Container });
    process(input: { locale: string; utterance: string }): Promise<unknown>;
  }
}
declare module "@nlpjs/lang-en" {
  export const LangEn: unknown;
  /** NLP.js's en stopword list (function words), as a dictionary. */
  export class StopwordsEn {
    readonly dictionary: Readonly<Record<string, boolean>>;
  }
}
declare module "@nlpjs/lang-es" {
  export const LangEs: unknown;
  /** NLP.js's es stopword list (function words), as a dictionary. */
  export class StopwordsEs {
    readonly dictionary: Readonly<Record<string, boolean>>;
  }
}
declare module "@nlpjs/lang-fr" {
  export const LangFr: unknown;
  /** NLP.js's fr stopword list (function words), as a dictionary. */
  export class StopwordsFr {
    readonly dictionary: Readonly<Record<string, boolean>>;
  }
}
declare module "@nlpjs/lang-de" {
  export const LangDe: unknown;
  /** NLP.js's de stopword list (function words), as a dictionary. */
  export class StopwordsDe {
    readonly dictionary: Readonly<Record<string, boolean>>;
  }
}
declare module "@nlpjs/lang-pt" {
  export const LangPt: unknown;
  /** NLP.js's pt stopword list (function words), as a dictionary. */
  export class StopwordsPt {
    readonly dictionary: Readonly<Record<string, boolean>>;
  }
}
