const MiniSearch = require('minisearch');
const entries = require('./chat-corpus/entries.json');
const questions = require('./chat-corpus/questions.json');
const sentences = entries
  .filter((e) => e.locale === 'en')
  .flatMap((e) => (e.description + ' ' + e.content.replace(/#+ /g, '')).split(/(?<=[.!?])\s+/));
let seed = 7;
const r = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = () => sentences[Math.floor(r() * sentences.length)];
const docs = [];
for (let id = 1; id <= 33000; id++)
  docs.push({
    id,
    title: 'Entry ' + id,
    heading: '',
    text: [pick(), pick(), pick(), pick()].join(' '),
  });
const qs = questions.filter((q) => q.locale === 'en').map((q) => q.question);
const t = (f) => {
  const times = [];
  for (const q of qs) {
    const t0 = performance.now();
    f(q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1].toFixed(1);
};
const stop = new Set(require('stopword').eng);
for (const fields of [['title', 'heading', 'text'], ['text']]) {
  const ms = new MiniSearch({
    fields,
    idField: 'id',
    processTerm: (t) => {
      t = t.toLowerCase();
      return stop.has(t) ? null : t;
    },
  });
  ms.addAll(docs);
  console.log(
    fields.join(','),
    'plain',
    t((q) => ms.search(q)),
  );
  console.log(
    fields.join(','),
    'filter',
    t((q) => ms.search(q, { filter: (r) => r.id % 10 !== 0 })),
  );
  console.log(
    fields.join(','),
    'AND',
    t((q) => ms.search(q, { combineWith: 'AND' })),
  );
}
