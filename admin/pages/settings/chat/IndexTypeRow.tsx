import {
  Box,
  Field,
  MultiSelect,
  MultiSelectOption,
  Switch,
  Td,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { IndexTypeSetting, IndexTypeView } from '../../../../contracts/chat';
import { msg } from '../../../utils/translations';
import { fieldsFrom } from './index-draft';

interface IndexTypeRowProps {
  type: IndexTypeView;
  setting: IndexTypeSetting;
  disabled: boolean;
  /** The server's complaint about this type's setting, from the last Save. */
  error?: string;
  onChange(setting: IndexTypeSetting): void;
}

/** A saved pick may name a field the type has since lost: it stays listed so it can be unpicked. */
const optionsOf = (candidates: string[], picked: string[]) => [
  ...new Set([...candidates, ...picked]),
];

export const IndexTypeRow = ({ type, setting, disabled, error, onChange }: IndexTypeRowProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const picked = setting.fields ?? [];
  const options = optionsOf(type.candidates, picked);
  return (
    <Tr>
      <Td>
        <Typography fontWeight="semiBold">{type.displayName}</Typography>
      </Td>
      <Td>
        <Switch
          aria-label={formatMessage(msg('chat.settings.index.indexedLabel'), {
            type: type.displayName,
          })}
          checked={setting.enabled}
          disabled={disabled}
          visibleLabels
          onLabel={formatMessage(msg('chat.settings.on'))}
          offLabel={formatMessage(msg('chat.settings.off'))}
          onCheckedChange={(enabled) => onChange({ ...setting, enabled })}
        />
      </Td>
      <Td>
        <Box minWidth="240px" paddingTop={2} paddingBottom={2}>
          {options.length ? (
            <Field.Root name={`types.${type.uid}.fields`} error={error}>
              {/* The column header says it to sighted users; the label says which type. */}
              <VisuallyHidden>
                <Field.Label>
                  {formatMessage(msg('chat.settings.index.fieldsLabel'), {
                    type: type.displayName,
                  })}
                </Field.Label>
              </VisuallyHidden>
              <MultiSelect
                value={picked}
                disabled={disabled}
                withTags
                placeholder={formatMessage(msg('chat.settings.index.allFields'))}
                onChange={(next: string[]) => onChange({ ...setting, fields: fieldsFrom(next) })}
              >
                {options.map((option) => (
                  <MultiSelectOption key={option} value={option}>
                    {option}
                  </MultiSelectOption>
                ))}
              </MultiSelect>
              <Field.Error />
            </Field.Root>
          ) : (
            <Typography textColor="neutral600">
              {formatMessage(msg('chat.settings.index.noFields'))}
            </Typography>
          )}
        </Box>
        {error && !options.length ? (
          <Typography textColor="danger600" role="alert">
            {error}
          </Typography>
        ) : null}
      </Td>
      <Td>
        <Typography>{formatNumber(type.chunks)}</Typography>
      </Td>
      <Td>
        <Typography>{formatNumber(type.documents)}</Typography>
      </Td>
    </Tr>
  );
};
