import { Button, Th } from '@strapi/design-system';
import { CaretDown, CaretUp } from '@strapi/icons';

export interface Sort<F extends string> {
  field: F;
  order: 'asc' | 'desc';
}

/** The sort a click on a column's header asks for: ascending first, then the other way. */
export const nextSort = <F extends string>(current: Sort<F>, field: F): Sort<F> => ({
  field,
  order: current.field === field && current.order === 'asc' ? 'desc' : 'asc',
});

/** A column header that sorts its table, announcing the current order to screen readers. */
export const SortableTh = <F extends string>({
  field,
  label,
  sort,
  onSort,
}: {
  field: F;
  label: string;
  sort: Sort<F>;
  onSort: (field: F) => void;
}) => {
  const active = sort.field === field;
  return (
    <Th aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Button
        variant="ghost"
        size="S"
        onClick={() => onSort(field)}
        endIcon={active ? sort.order === 'asc' ? <CaretUp /> : <CaretDown /> : undefined}
      >
        {label}
      </Button>
    </Th>
  );
};
