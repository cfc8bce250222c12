import { styled } from 'styled-components';

/** FullCalendar in the admin's own type, colours and focus rings, light or dark. */
export const CalendarStyles = styled.div`
  --fc-border-color: ${({ theme }) => theme.colors.neutral200};
  --fc-page-bg-color: ${({ theme }) => theme.colors.neutral0};
  --fc-neutral-bg-color: ${({ theme }) => theme.colors.neutral100};
  --fc-list-event-hover-bg-color: ${({ theme }) => theme.colors.primary100};
  --fc-today-bg-color: ${({ theme }) => theme.colors.primary100};
  --fc-now-indicator-color: ${({ theme }) => theme.colors.danger600};
  --fc-button-bg-color: ${({ theme }) => theme.colors.neutral0};
  --fc-button-border-color: ${({ theme }) => theme.colors.neutral200};
  --fc-button-text-color: ${({ theme }) => theme.colors.neutral800};
  --fc-button-hover-bg-color: ${({ theme }) => theme.colors.neutral100};
  --fc-button-hover-border-color: ${({ theme }) => theme.colors.neutral300};
  --fc-button-active-bg-color: ${({ theme }) => theme.colors.primary100};
  --fc-button-active-border-color: ${({ theme }) => theme.colors.primary600};
  color: ${({ theme }) => theme.colors.neutral800};
  font-size: 1.3rem;

  .fc .fc-button {
    font-size: 1.2rem;
    font-weight: 600;
    border-radius: ${({ theme }) => theme.borderRadius};
  }
  .fc .fc-button-primary:not(:disabled).fc-button-active {
    color: ${({ theme }) => theme.colors.primary700};
  }
  .fc .fc-button:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
  .fc .fc-toolbar-title {
    font-size: 1.8rem;
    font-weight: 600;
  }
  .fc a {
    color: inherit;
  }
  .fc-daygrid-day,
  .fc-timegrid-slot {
    cursor: pointer;
  }
  .fc-event {
    cursor: pointer;
  }
  .alwrity-status-cancelled .fc-event-title {
    text-decoration: line-through;
  }
`;
