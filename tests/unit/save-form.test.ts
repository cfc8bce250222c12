import { bodyOf, formFor } from '../../admin/components/save/mapping';
import type { SaveTarget } from '../../contracts/writers';

const article: SaveTarget = {
  uid: 'api::article.article',
  displayName: 'Article',
  locales: [
    { code: 'en', name: 'English', isDefault: false },
    { code: 'fr', name: 'French', isDefault: true },
  ],
  fields: [
    { path: 'title', type: 'string', required: true },
    { path: 'body', type: 'blocks', required: false },
    { path: 'seo.metaTitle', type: 'string', required: false },
  ],
  // Remembered from a blog post: a story has no meta title, and `gone` was since deleted.
  mapping: { title: 'title', body: 'body', 'seo.metaTitle': 'metaTitle', gone: 'description' },
  remembered: true,
};

describe('the save-as-draft form', () => {
  it('starts from the remembered mapping, keeping only pieces this output has', () => {
    const form = formFor(article, ['title', 'body', 'description']);
    expect(form).toEqual({
      uid: 'api::article.article',
      locale: 'fr',
      mapping: { title: 'title', body: 'body' },
    });
    expect(formFor(article, ['title', 'body', 'metaTitle']).mapping).toEqual({
      title: 'title',
      body: 'body',
      'seo.metaTitle': 'metaTitle',
    });
  });

  it('sends the locale only for a localized type, and nothing while no field is mapped', () => {
    const form = formFor(article, ['title']);
    expect(bodyOf(form, article)).toEqual({
      uid: 'api::article.article',
      locale: 'fr',
      mapping: { title: 'title' },
    });
    expect(bodyOf({ ...form, mapping: {} }, article)).toBeUndefined();
    const plain = { ...article, locales: null };
    expect(bodyOf(formFor(plain, ['title']), plain)).toEqual({
      uid: 'api::article.article',
      mapping: { title: 'title' },
    });
  });
});
