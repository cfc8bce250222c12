import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  SCHEMA_TYPES,
  type SchemaType,
  type SocialTag,
  type StructuredData,
} from '../../../../analysis/seo/tools/structured-data';
import { AVAILABILITY } from '../../../../contracts/seo-tools';
import { useApi } from '../../../hooks/useApi';
import { msg, type TranslationKey } from '../../../utils/translations';
import { EntryPicker } from './EntryPicker';
import { entryRef, type EntryChoice } from './subject';
import { ToolCard } from './ToolCard';
import { ErrorText } from '../../../components/ErrorText';

type Result = StructuredData & { social: { tags: SocialTag[]; missing: string[] } };

const SITE_FIELDS = ['baseUrl', 'urlPattern', 'siteName', 'logo'] as const;
const PRODUCT_FIELDS = ['price', 'priceCurrency', 'brand'] as const;

const LABELS = {
  baseUrl: { label: 'seo.tools.structured.baseUrl', hint: 'seo.tools.structured.baseUrl.hint' },
  urlPattern: {
    label: 'seo.tools.structured.urlPattern',
    hint: 'seo.tools.structured.urlPattern.hint',
  },
  siteName: { label: 'seo.tools.structured.siteName', hint: 'seo.tools.structured.siteName.hint' },
  logo: { label: 'seo.tools.structured.logo', hint: 'seo.tools.structured.logo.hint' },
  price: { label: 'seo.tools.structured.price', hint: 'seo.tools.structured.price.hint' },
  priceCurrency: {
    label: 'seo.tools.structured.priceCurrency',
    hint: 'seo.tools.structured.priceCurrency.hint',
  },
  brand: { label: 'seo.tools.structured.brand', hint: 'seo.tools.structured.brand.hint' },
} as const satisfies Record<string, { label: TranslationKey; hint: TranslationKey }>;

/** JSON-LD of a schema.org type from an entry, checked against what each type requires. */
export const StructuredDataTool = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const [entry, setEntry] = useState<EntryChoice | null>(null);
  const [type, setType] = useState<SchemaType>('Article');
  const [site, setSite] = useState<Record<(typeof SITE_FIELDS)[number], string>>({
    baseUrl: '',
    urlPattern: '/{slug}',
    siteName: '',
    logo: '',
  });
  const [product, setProduct] = useState<Record<(typeof PRODUCT_FIELDS)[number], string>>({
    price: '',
    priceCurrency: '',
    brand: '',
  });
  const [availability, setAvailability] = useState('');

  const build = useMutation({
    mutationFn: async () => {
      const given = (values: Record<string, string>) =>
        Object.fromEntries(
          Object.entries(values)
            .filter(([, value]) => value.trim())
            .map(([k, v]) => [k, v.trim()]),
        );
      const { brand, ...offer } = given(product);
      return (
        await api.post<Result>('/seo/tools/structured-data', {
          entry: entryRef(entry!),
          type,
          ...given(site),
          ...(type === 'Product'
            ? {
                ...(brand ? { brand } : {}),
                offer: { ...offer, ...(availability ? { availability } : {}) },
              }
            : {}),
        })
      ).data;
    },
  });
  const result = build.data;

  const copy = async () => {
    await navigator.clipboard.writeText(
      `<script type="application/ld+json">\n${result!.script}\n</script>`,
    );
    toggleNotification({ type: 'success', message: formatMessage(msg('seo.tools.copied')) });
  };

  const input = (name: keyof typeof LABELS, value: string, set: (next: string) => void) => (
    <Field.Root name={`structured-${name}`} hint={formatMessage(msg(LABELS[name].hint))}>
      <Field.Label>{formatMessage(msg(LABELS[name].label))}</Field.Label>
      <TextInput
        value={value}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(event.target.value)}
      />
      <Field.Hint />
    </Field.Root>
  );

  const errors = result?.issues.filter((issue) => issue.severity === 'error') ?? [];
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <ToolCard>
        <EntryPicker
          value={entry}
          onChange={(next) => {
            setEntry(next);
            build.reset();
          }}
        />
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
            <Field.Root name="structured-type">
              <Field.Label>{formatMessage(msg('seo.tools.structured.type'))}</Field.Label>
              <SingleSelect
                value={type}
                onChange={(next: string | number) => setType(next as SchemaType)}
              >
                {SCHEMA_TYPES.map((candidate) => (
                  <SingleSelectOption key={candidate} value={candidate}>
                    {candidate}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Grid.Item>
          {SITE_FIELDS.map((name) => (
            <Grid.Item key={name} col={3} s={6} direction="column" alignItems="stretch">
              {input(name, site[name], (next) =>
                setSite((current) => ({ ...current, [name]: next })),
              )}
            </Grid.Item>
          ))}
          {type === 'Product'
            ? [
                ...PRODUCT_FIELDS.map((name) => (
                  <Grid.Item key={name} col={3} s={6} direction="column" alignItems="stretch">
                    {input(name, product[name], (next) =>
                      setProduct((current) => ({ ...current, [name]: next })),
                    )}
                  </Grid.Item>
                )),
                <Grid.Item key="availability" col={3} s={6} direction="column" alignItems="stretch">
                  <Field.Root name="structured-availability">
                    <Field.Label>
                      {formatMessage(msg('seo.tools.structured.availability'))}
                    </Field.Label>
                    <SingleSelect
                      value={availability}
                      onChange={(next: string | number) => setAvailability(String(next))}
                    >
                      <SingleSelectOption value="">
                        {formatMessage(msg('seo.tools.structured.availability.none'))}
                      </SingleSelectOption>
                      {AVAILABILITY.map((value) => (
                        <SingleSelectOption key={value} value={value}>
                          {value}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                </Grid.Item>,
              ]
            : null}
        </Grid.Root>
        <Flex justifyContent="flex-end">
          <Button loading={build.isPending} disabled={!entry} onClick={() => build.mutate()}>
            {formatMessage(msg('seo.tools.structured.build'))}
          </Button>
        </Flex>
        <ErrorText error={build.error} />
      </ToolCard>

      {result ? (
        <>
          <ToolCard
            title={formatMessage(msg('seo.tools.structured.checks'))}
            subtitle={formatMessage(
              msg(errors.length ? 'seo.tools.structured.invalid' : 'seo.tools.structured.valid'),
              { type: result.type, count: errors.length },
            )}
          >
            {result.issues.length ? (
              <Box tag="ul" data-testid="structured-issues">
                {result.issues.map((issue) => (
                  <Flex key={`${issue.path}-${issue.severity}`} tag="li" gap={2} paddingBottom={2}>
                    <Badge
                      backgroundColor={issue.severity === 'error' ? 'danger100' : 'warning100'}
                      textColor={issue.severity === 'error' ? 'danger700' : 'warning700'}
                    >
                      {formatMessage(
                        msg(
                          issue.severity === 'error'
                            ? 'seo.tools.structured.error'
                            : 'seo.tools.structured.warning',
                        ),
                      )}
                    </Badge>
                    <Typography variant="omega">
                      <code>{issue.path}</code> — {issue.message}
                    </Typography>
                  </Flex>
                ))}
              </Box>
            ) : (
              <Typography textColor="success600">
                {formatMessage(msg('seo.tools.structured.clean'))}
              </Typography>
            )}
          </ToolCard>
          <ToolCard
            title={formatMessage(msg('seo.tools.structured.jsonLd'))}
            action={
              <Button variant="secondary" onClick={() => void copy()}>
                {formatMessage(msg('seo.tools.structured.copy'))}
              </Button>
            }
          >
            <Box background="neutral100" padding={4} hasRadius style={{ overflowX: 'auto' }}>
              <pre data-testid="structured-json" style={{ margin: 0, fontSize: '1.2rem' }}>
                {result.script}
              </pre>
            </Box>
          </ToolCard>
          <ToolCard
            title={formatMessage(msg('seo.tools.structured.social'))}
            subtitle={
              result.social.missing.length
                ? formatMessage(msg('seo.tools.structured.social.missing'), {
                    tags: result.social.missing.join(', '),
                  })
                : undefined
            }
          >
            <Table colCount={2} rowCount={result.social.tags.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">
                      {formatMessage(msg('seo.tools.structured.social.property'))}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {formatMessage(msg('seo.tools.structured.social.content'))}
                    </Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {result.social.tags.map((tag) => (
                  <Tr key={tag.property}>
                    <Td>
                      <Typography>
                        <code>{tag.property}</code>
                      </Typography>
                    </Td>
                    <Td>
                      <Typography ellipsis>{tag.content}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </ToolCard>
        </>
      ) : null}
    </Flex>
  );
};
