import { Page } from '@strapi/strapi/admin';
import { QueryClientProvider } from '@tanstack/react-query';
import { Route, Routes } from 'react-router-dom';
import { ACTIONS, adminPermission } from '../../contracts/permissions';
import { queryClient } from '../utils/queryClient';
import { CalendarPage } from './calendar/CalendarPage';
import { ChatPage } from './chat/ChatPage';
import { HistoryDetailPage } from './history/HistoryDetailPage';
import { HistoryPage } from './history/HistoryPage';
import { HomePage } from './home/HomePage';
import { JobsPage } from './jobs/JobsPage';
import { SeoOverviewPage } from './seo/SeoOverviewPage';
import { SeoToolsPage } from './seo/tools/SeoToolsPage';
import { SiteAnalyzerPage } from './site-analyzer/SiteAnalyzerPage';
import { SiteAuditComparePage } from './site-analyzer/SiteAuditComparePage';
import { SiteAuditPage } from './site-analyzer/SiteAuditPage';
import { WriterPage } from './writer/WriterPage';

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
      {/* One route with an optional id, so the page (and a stream in progress) stays mounted
          when a finished generation's id is put in the address. */}
      <Route
        path="writer/:documentId?"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.writerUse)}>
            <WriterPage />
          </Page.Protect>
        }
      />
      <Route
        path="history"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.generationsRead)}>
            <HistoryPage />
          </Page.Protect>
        }
      />
      <Route
        path="history/:documentId"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.generationsRead)}>
            <HistoryDetailPage />
          </Page.Protect>
        }
      />
      <Route
        path="seo"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.seoUse)}>
            <SeoOverviewPage />
          </Page.Protect>
        }
      />
      <Route
        path="seo/tools"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.seoUse)}>
            <SeoToolsPage />
          </Page.Protect>
        }
      />
      <Route
        path="site-analyzer"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.siteAuditRead)}>
            <SiteAnalyzerPage />
          </Page.Protect>
        }
      />
      <Route
        path="site-analyzer/:documentId"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.siteAuditRead)}>
            <SiteAuditPage />
          </Page.Protect>
        }
      />
      <Route
        path="site-analyzer/:documentId/compare/:otherDocumentId"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.siteAuditRead)}>
            <SiteAuditComparePage />
          </Page.Protect>
        }
      />
      <Route
        path="calendar"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.calendarRead)}>
            <CalendarPage />
          </Page.Protect>
        }
      />
      {/* As for the writer: a first question creates the conversation and puts its id in the
          address without remounting the page and its answer streaming. */}
      <Route
        path="chat/:documentId?"
        element={
          <Page.Protect permissions={adminPermission(ACTIONS.chatUse)}>
            <ChatPage />
          </Page.Protect>
        }
      />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </QueryClientProvider>
);

export default App;
