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
}
declare module "@nlpjs/lang-es" {
  export const LangEs: unknown;
}
declare module "@nlpjs/lang-fr" {
  export const LangFr: unknown;
}
declare module "@nlpjs/lang-de" {
  export const LangDe: unknown;
}
declare module "@nlpjs/lang-pt" {
  export const LangPt: unknown;
}
