import { ACTIONS, type ActionName } from '../../../contracts/permissions';
import type { TranslationKey } from '../../utils/translations';

export interface PanelDefinition {
  id:
    | 'writer'
    | 'history'
    | 'seo'
    | 'seo-tools'
    | 'site-audit'
    | 'predictor'
    | 'chat'
    | 'calendar'
    | 'jobs';
  title: TranslationKey;
  description: TranslationKey;
  action: ActionName;
  /** Route under the plugin, once the panel exists. */
  to?: string;
}

export const PANELS: PanelDefinition[] = [
  {
    id: 'writer',
    title: 'panel.writer',
    description: 'panel.writer.description',
    action: ACTIONS.writerUse,
    to: 'writer',
  },
  {
    id: 'history',
    title: 'panel.history',
    description: 'panel.history.description',
    action: ACTIONS.generationsRead,
    to: 'history',
  },
  {
    id: 'seo',
    title: 'panel.seo',
    description: 'panel.seo.description',
    action: ACTIONS.seoUse,
    to: 'seo',
  },
  {
    id: 'seo-tools',
    title: 'panel.seo-tools',
    description: 'panel.seo-tools.description',
    action: ACTIONS.seoUse,
    to: 'seo/tools',
  },
  {
    id: 'site-audit',
    title: 'panel.site-audit',
    description: 'panel.site-audit.description',
    action: ACTIONS.siteAuditRead,
    to: 'site-analyzer',
  },
  {
    id: 'predictor',
    title: 'panel.predictor',
    description: 'panel.predictor.description',
    action: ACTIONS.predictorUse,
  },
  {
    id: 'chat',
    title: 'panel.chat',
    description: 'panel.chat.description',
    action: ACTIONS.chatUse,
    to: 'chat',
  },
  {
    id: 'calendar',
    title: 'panel.calendar',
    description: 'panel.calendar.description',
    action: ACTIONS.calendarRead,
    to: 'calendar',
  },
  {
    id: 'jobs',
    title: 'panel.jobs',
    description: 'panel.jobs.description',
    action: ACTIONS.jobsRead,
    to: 'jobs',
  },
];
