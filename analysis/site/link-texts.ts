import { primaryLanguage } from './language-tags';

/**
 * Link texts that say nothing about where the link goes, by language: Lighthouse's lists
 * (`link-text`), plus the usual phrasings of French, Italian and Dutch and a few common ones it
 * lacks. Compared lower-cased, without the arrows and dots around them ("Read more »").
 */
const VAGUE: Record<string, string[]> = {
  en: [
    'click here',
    'click this',
    'click',
    'go',
    'here',
    'information',
    'learn more',
    'link',
    'more',
    'more info',
    'more information',
    'read more',
    'right here',
    'see more',
    'start',
    'this',
    'this link',
    'continue',
    'continue reading',
    'details',
    'find out more',
  ],
  de: [
    'klicke hier',
    'hier klicken',
    'klicken sie hier',
    'hier',
    'mehr',
    'mehr erfahren',
    'mehr lesen',
    'mehr info',
    'mehr infos',
    'mehr informationen',
    'siehe',
    'dies',
    'das',
    'weiter',
    'weiterlesen',
    'link',
    'dieser link',
  ],
  fr: [
    'cliquez ici',
    'cliquer ici',
    'clique ici',
    'ici',
    'plus',
    'en savoir plus',
    'lire la suite',
    'lire plus',
    'voir plus',
    'la suite',
    'suite',
    "plus d'infos",
    "plus d'informations",
    'lien',
    'ce lien',
  ],
  es: [
    'click aquí',
    'click aqui',
    'clicka aquí',
    'clicka aqui',
    'pincha aquí',
    'pincha aqui',
    'haz clic aquí',
    'haga clic aquí',
    'aquí',
    'aqui',
    'más',
    'mas',
    'más información',
    'más informacion',
    'mas información',
    'mas informacion',
    'leer más',
    'leer mas',
    'ver más',
    'ver mas',
    'saber más',
    'este',
    'enlace',
    'este enlace',
    'empezar',
  ],
  pt: [
    'clique aqui',
    'clica aqui',
    'aqui',
    'ir',
    'mais',
    'mais informação',
    'mais informações',
    'saiba mais',
    'leia mais',
    'ler mais',
    'veja mais',
    'ver mais',
    'continue lendo',
  ],
  it: [
    'clicca qui',
    'fai clic qui',
    'qui',
    'qua',
    'di più',
    'altro',
    'leggi di più',
    'leggi tutto',
    'scopri di più',
    'continua',
    'continua a leggere',
    'maggiori informazioni',
    'più informazioni',
    'questo link',
  ],
  nl: [
    'klik hier',
    'hier',
    'meer',
    'lees meer',
    'lees verder',
    'verder lezen',
    'meer info',
    'meer informatie',
    'bekijk meer',
    'deze link',
  ],
};

const ALL = new Set(Object.values(VAGUE).flat());
const BY_LANGUAGE = new Map(
  Object.entries(VAGUE).map(([language, texts]) => [language, new Set([...VAGUE.en!, ...texts])]),
);

/**
 * The phrases to flag on a page in `lang`: its language's and English (English buttons are common
 * on any site); every list when the page names no language, as Lighthouse does.
 */
export const vagueLinkTexts = (lang: string | null): ReadonlySet<string> => {
  if (!lang) return ALL;
  return BY_LANGUAGE.get(primaryLanguage(lang)) ?? BY_LANGUAGE.get('en')!;
};

/** A link's text as the lists hold it: lower-cased, single spaces, no punctuation around it. */
export const linkTextKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
