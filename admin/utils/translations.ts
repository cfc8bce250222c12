import { PLUGIN_ID } from '../../contracts/permissions';
import en from '../translations/en.json';

export type TranslationKey = keyof typeof en;

/** Fully qualified message id, checked against en.json at compile time. */
export const t = (key: TranslationKey) => `${PLUGIN_ID}.${key}`;

/** Message descriptor with the English text as default. */
export const msg = (key: TranslationKey) => ({ id: t(key), defaultMessage: en[key] });

export const prefixTranslations = (messages: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]),
  );
