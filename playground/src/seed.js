'use strict';

const SAMPLE_ARTICLES = [
  {
    title: 'Ten ways to plan an editorial calendar',
    description: 'How small content teams keep a steady publishing rhythm without burning out.',
    content:
      '## Start from your goals\n\nAn editorial calendar is a promise to your readers. Start from what you want them to learn, then plan backwards.\n\n## Batch the work\n\nWrite in batches, edit in batches, publish on a schedule.',
    seo: {
      metaTitle: 'Plan an editorial calendar in ten steps',
      metaDescription:
        'A practical guide for small content teams: goals, batching, review cycles and a publishing rhythm that lasts.',
    },
    publish: true,
  },
  {
    title: 'What makes a meta description work',
    description: 'Length, intent and a clear promise: the three things search snippets need.',
    content:
      "A meta description is a short pitch. Keep it between 120 and 156 characters, answer the searcher's intent, and end with a reason to click.",
    seo: { metaTitle: 'Writing meta descriptions that get clicks', metaDescription: '' },
    publish: false,
  },
  {
    title: 'Repurposing one article into five social posts',
    description: 'Turn a long read into a week of posts for X, LinkedIn and Instagram.',
    content:
      'Pick the strongest claim, the best statistic and the most useful tip. Each becomes a post of its own.',
    seo: { metaTitle: '', metaDescription: '' },
    publish: false,
  },
];

/** First start only: a demo super admin (printed once) and a few sample articles. */
async function seedPlayground(strapi) {
  if (!(await strapi.service('admin::user').exists())) {
    const email = process.env.DEMO_ADMIN_EMAIL || 'admin@example.com';
    const password = process.env.DEMO_ADMIN_PASSWORD || 'Alwrity-demo-1';
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({
      email,
      firstname: 'Demo',
      lastname: 'Admin',
      password,
      isActive: true,
      registrationToken: null,
      roles: superAdmin ? [superAdmin.id] : [],
    });
    strapi.log.info(
      `\n\n  Alwrity playground: demo super admin created (local use only)\n    email:    ${email}\n    password: ${password}\n`,
    );
  }

  const articles = strapi.documents('api::article.article');
  if ((await articles.count({})) > 0) return;
  for (const { publish, ...data } of SAMPLE_ARTICLES) {
    const created = await articles.create({ data, locale: 'en' });
    if (publish) await articles.publish({ documentId: created.documentId, locale: 'en' });
  }
  // The content chatbot answers from Articles out of the box: they are indexed here, at once.
  const chatIndex = strapi.plugin('alwrity').service('chat-index');
  await chatIndex.setTypes({ types: { 'api::article.article': { enabled: true, fields: null } } });
  for (const { documentId } of await articles.findMany({ fields: ['documentId'] })) {
    await chatIndex.processor({ data: { uid: 'api::article.article', documentId } });
  }
}

module.exports = { seedPlayground };
