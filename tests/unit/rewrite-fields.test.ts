import { labelsOf, textFieldsOf } from '../../admin/components/rewrite/text-fields';

describe('"Write with AI" names fields as the edit view does', () => {
  const attributes = {
    title: { type: 'string' },
    body: { type: 'richtext' },
    cover: { type: 'media' },
    teaser: { type: 'text' },
  };
  const panels = [
    [[{ name: 'title', label: 'Headline' }], [{ name: 'cover', label: 'Cover image' }]],
    [
      [
        { name: 'body', label: 'Article body' },
        { name: 'teaser', label: '' },
      ],
    ],
  ];

  it('given the edit layout, labels each text field with its configured label', () => {
    expect(textFieldsOf(attributes, labelsOf(panels))).toEqual([
      { name: 'title', label: 'Headline', format: 'plain' },
      { name: 'body', label: 'Article body', format: 'markdown' },
      { name: 'teaser', label: 'teaser', format: 'plain' },
    ]);
  });

  it('without a layout, falls back to the attribute names', () => {
    expect(textFieldsOf(attributes).map((field) => field.label)).toEqual([
      'title',
      'body',
      'teaser',
    ]);
  });
});
