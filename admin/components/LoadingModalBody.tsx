import { Flex, Loader, Modal } from '@strapi/design-system';
import { Suspense, type ReactNode } from 'react';

/** A lazily loaded dialog's body: a spinner in the modal until its code has arrived. */
export const LoadingModalBody = ({ children }: { children: ReactNode }) => (
  <Suspense
    fallback={
      <Modal.Body>
        <Flex justifyContent="center" padding={6}>
          <Loader small />
        </Flex>
      </Modal.Body>
    }
  >
    {children}
  </Suspense>
);
