/**
 * The plugin's RBAC actions: the single source of truth for routes, `register()` and the admin.
 * Kept free of Strapi imports so the admin bundle can import it as it is.
 */

export const PLUGIN_ID = 'alwrity';

export const ACTIONS = {
  writerUse: 'writer.use',
  generationsRead: 'generations.read',
  seoUse: 'seo.use',
  siteAuditRun: 'site-audit.run',
  siteAuditRead: 'site-audit.read',
  predictorUse: 'predictor.use',
  predictorTrain: 'predictor.train',
  chatUse: 'chat.use',
  calendarRead: 'calendar.read',
  calendarManage: 'calendar.manage',
  jobsRead: 'jobs.read',
  jobsManage: 'jobs.manage',
  settingsRead: 'settings.read',
  settingsUpdate: 'settings.update',
} as const;

export type ActionKey = keyof typeof ACTIONS;
export type ActionName = (typeof ACTIONS)[ActionKey];

/** `plugin::alwrity.writer.use` and so on: the form Strapi stores and checks. */
export const uidOf = (action: ActionName): string => `plugin::${PLUGIN_ID}.${action}`;

interface ActionDefinition {
  action: ActionName;
  displayName: string;
  subCategory: string;
  section: 'plugins' | 'settings';
  category?: string;
}

export const ACTION_DEFINITIONS: readonly ActionDefinition[] = [
  {
    action: ACTIONS.writerUse,
    displayName: 'Use the AI writers',
    subCategory: 'AI writer',
    section: 'plugins',
  },
  {
    action: ACTIONS.generationsRead,
    displayName: 'Read generation history',
    subCategory: 'AI writer',
    section: 'plugins',
  },
  { action: ACTIONS.seoUse, displayName: 'Use SEO tools', subCategory: 'SEO', section: 'plugins' },
  {
    action: ACTIONS.siteAuditRun,
    displayName: 'Run site audits',
    subCategory: 'Site audit',
    section: 'plugins',
  },
  {
    action: ACTIONS.siteAuditRead,
    displayName: 'Read site audits',
    subCategory: 'Site audit',
    section: 'plugins',
  },
  {
    action: ACTIONS.predictorUse,
    displayName: 'Predict content performance',
    subCategory: 'Predictor',
    section: 'plugins',
  },
  {
    action: ACTIONS.predictorTrain,
    displayName: 'Train the predictor',
    subCategory: 'Predictor',
    section: 'plugins',
  },
  {
    action: ACTIONS.chatUse,
    displayName: 'Use the content chatbot',
    subCategory: 'Chat',
    section: 'plugins',
  },
  {
    action: ACTIONS.calendarRead,
    displayName: 'Read the content calendar',
    subCategory: 'Calendar',
    section: 'plugins',
  },
  {
    action: ACTIONS.calendarManage,
    displayName: 'Manage the content calendar',
    subCategory: 'Calendar',
    section: 'plugins',
  },
  { action: ACTIONS.jobsRead, displayName: 'Read jobs', subCategory: 'Jobs', section: 'plugins' },
  {
    action: ACTIONS.jobsManage,
    displayName: 'Retry and cancel jobs',
    subCategory: 'Jobs',
    section: 'plugins',
  },
  {
    action: ACTIONS.settingsRead,
    displayName: 'Read settings',
    subCategory: 'Alwrity',
    section: 'settings',
    category: 'Alwrity',
  },
  {
    action: ACTIONS.settingsUpdate,
    displayName: 'Update settings',
    subCategory: 'Alwrity',
    section: 'settings',
    category: 'Alwrity',
  },
];

/** Strapi's own condition: the document was created by the user. */
export const IS_CREATOR = 'admin::is-creator';

export interface DefaultGrant {
  action: ActionName;
  /** Strapi condition ids, as the role editor sets them. */
  conditions: readonly string[];
}

const grant = (action: ActionName, conditions: readonly string[] = []): DefaultGrant => ({
  action,
  conditions,
});

/**
 * Granted once per action (on first install, or when an action is new); admins change them
 * freely afterwards. Authors reach only their own runs and conversations: the generation and chat
 * actions carry "Is creator".
 */
export const DEFAULT_ROLE_GRANTS: Readonly<
  Record<'strapi-editor' | 'strapi-author', readonly DefaultGrant[]>
> = {
  'strapi-editor': Object.values(ACTIONS)
    .filter((action) => !action.startsWith('settings.'))
    .map((action) => grant(action)),
  'strapi-author': [
    grant(ACTIONS.writerUse, [IS_CREATOR]),
    grant(ACTIONS.generationsRead, [IS_CREATOR]),
    grant(ACTIONS.seoUse),
    // Conversations are their own: "Is creator" keeps each Author to theirs.
    grant(ACTIONS.chatUse, [IS_CREATOR]),
    grant(ACTIONS.calendarRead),
  ],
};

/** Admin-side permission objects, as `Page.Protect` and `useRBAC` take them. */
export const adminPermission = (action: ActionName) => [{ action: uidOf(action), subject: null }];
