import { Page } from '@strapi/strapi/admin';
import { QueryClientProvider } from '@tanstack/react-query';
import { Route, Routes } from 'react-router-dom';
import { ACTIONS, adminPermission } from '../../server/permissions';
import { queryClient } from '../utils/queryClient';
import { HomePage } from './home/HomePage';
import { JobsPage } from './jobs/JobsPage';

const App = () => (
  <QueryClientProvider client={queryClient}>
    <Routes>
      <Route index element={<HomePage />} />
      <Route
        path="jobs"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.jobsRead)}>
            <JobsPage />
          </Page.Protect>
        }
      />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </QueryClientProvider>
);

export default App;
