/** What a tool reads: one of the user's entries, or a pasted text. */
export interface EntryChoice {
  uid: string;
  documentId: string;
  locale: string | null;
  title: string;
}

export type Subject =
  | { kind: 'entry'; entry: EntryChoice | null }
  | { kind: 'text'; text: string; title: string; locale: string };

export const EMPTY_SUBJECT: Subject = { kind: 'entry', entry: null };

export const isReady = (subject: Subject) =>
  subject.kind === 'entry' ? Boolean(subject.entry) : Boolean(subject.text.trim());

/** An entry as the tools' routes name it. */
export const entryRef = (entry: EntryChoice) => ({
  uid: entry.uid,
  documentId: entry.documentId,
  ...(entry.locale ? { locale: entry.locale } : {}),
});

/** The request fields a subject becomes (`entry`, or `text` with its title and locale). */
export const subjectBody = (subject: Subject) =>
  subject.kind === 'entry'
    ? { entry: entryRef(subject.entry!) }
    : {
        text: subject.text,
        ...(subject.title.trim() ? { title: subject.title.trim() } : {}),
        ...(subject.locale ? { locale: subject.locale } : {}),
      };
