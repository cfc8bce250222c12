import { Button, Dialog } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import type { ReactNode } from 'react';

interface ConfirmDialogProps {
  /** The button that opens it. */
  trigger: ReactNode;
  title: string;
  body: string;
  keepLabel: string;
  confirmLabel: string;
  onConfirm(): void;
}

/** Asks before something that cannot be undone; Escape and the first button keep things as they are. */
export const ConfirmDialog = ({
  trigger,
  title,
  body,
  keepLabel,
  confirmLabel,
  onConfirm,
}: ConfirmDialogProps) => (
  <Dialog.Root>
    <Dialog.Trigger>{trigger}</Dialog.Trigger>
    <Dialog.Content>
      <Dialog.Header>{title}</Dialog.Header>
      <Dialog.Body icon={<WarningCircle fill="danger600" />}>{body}</Dialog.Body>
      <Dialog.Footer>
        <Dialog.Cancel>
          <Button variant="tertiary" fullWidth>
            {keepLabel}
          </Button>
        </Dialog.Cancel>
        <Dialog.Action>
          <Button variant="danger" fullWidth onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Dialog.Action>
      </Dialog.Footer>
    </Dialog.Content>
  </Dialog.Root>
);
